import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiUrl, sendJson } from '../../api/client.js';
import type { CampaignCreated, CampaignPlan, SelectionFields } from '../../api/types-campaigns.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { CampaignPlanView } from './CampaignPlanView.js';
import { CampaignSelectionHint } from './CampaignSelectionHint.js';
import { CampaignField } from './CampaignField.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage } from '../../components/Status.js';

interface Fields {
  name: string;
  selection: string;
  asOf: string;
  controlPercent: string;
  seed: string;
  stratify: string;
  start: string;
  days: string;
  channel: string;
  cost: string;
  metric: 'conversion' | 'revenue';
  mde: string;
}

const INITIAL: Fields = {
  name: '',
  selection: '',
  asOf: '',
  controlPercent: '10',
  seed: '',
  stratify: '',
  start: '',
  days: '30',
  channel: '',
  cost: '',
  metric: 'conversion',
  mde: '',
};

/** `2024-03-31` + n days, in UTC. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const optionalNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim().replace(',', '.'));

/** The plan of `body`, its texts in `lang`. */
function requestPlan(body: object, lang: string): Promise<CampaignPlan> {
  return sendJson<CampaignPlan>('POST', apiUrl('/api/campaigns/plan', { lang }), body);
}

/**
 * Plan, then create a campaign: the selection rule with a hint listing the fields, the selection date, the
 * control share and seed; "Plan" shows the size, baseline and detectable effect without storing anything, and
 * "Create" stores exactly what was planned (the same rule, date and split).
 */
export function CampaignForm({ onCreated }: { onCreated: (id: number) => void }) {
  const { t, date, lang } = useI18n();
  const { help } = useCatalogue();
  const { asOf: globalAsOf } = useAsOf();
  const options = useApi<SelectionFields>('/api/campaigns/fields');
  const [f, setF] = useState<Fields>(() => ({ ...INITIAL, asOf: globalAsOf }));
  const [plan, setPlan] = useState<{ key: string; lang: string; plan: CampaignPlan }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((old) => ({ ...old, [key]: value }));

  const planBody = useMemo(
    () => ({
      selection: f.selection,
      control_share: (optionalNumber(f.controlPercent) ?? Number.NaN) / 100,
      metric: f.metric,
      window_days: Math.round(optionalNumber(f.days) ?? 30),
      ...(f.asOf ? { as_of: f.asOf } : {}),
      ...(f.mde.trim() ? { mde: f.mde.trim() } : {}),
    }),
    [f.selection, f.controlPercent, f.metric, f.days, f.asOf, f.mde],
  );
  const planKey = JSON.stringify(planBody);
  const planned = plan?.key === planKey ? plan.plan : undefined;
  // The plan's words (verdict, method, basis) come from the API in the page's language: ask again on a switch.
  useEffect(() => {
    if (!plan || plan.lang === lang) return;
    let current = true;
    requestPlan(JSON.parse(plan.key) as object, lang).then(
      (next) => current && setPlan({ key: plan.key, lang, plan: next }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [plan, lang]);

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const onPlan = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setPlan(undefined);
      setPlan({ key: planKey, lang, plan: await requestPlan(planBody, lang) });
    });
  };

  const onCreate = () => {
    if (!planned) return;
    const start = f.start || addDays(planned.as_of, 1);
    const seed = optionalNumber(f.seed);
    const cost = optionalNumber(f.cost);
    void run(async () => {
      const created = await sendJson<CampaignCreated>('POST', '/api/campaigns', {
        name: f.name,
        selection: f.selection,
        control_share: planBody.control_share,
        as_of: planned.as_of,
        start,
        end: addDays(start, planBody.window_days - 1),
        ...(seed === undefined ? {} : { seed }),
        ...(cost === undefined ? {} : { cost_per_contact: cost }),
        ...(f.stratify ? { stratify: f.stratify } : {}),
        ...(f.channel.trim() ? { channel: f.channel.trim() } : {}),
      });
      onCreated(created.campaign_id);
    });
  };

  const latest = options.data?.sales.last;
  const noAnalysis = options.data !== undefined && options.data.analyses.length === 0;
  return (
    <Panel title={t('campaigns.new')} help={help('campaigns.new')}>
      <form onSubmit={onPlan}>
        {noAnalysis && <p className="notice">{t('campaigns.form.noAnalysis')}</p>}
        <div className="form-row">
          <CampaignField label={t('campaigns.form.selection')} help={help('campaigns.form.selection')}>
            {(id) => (
              <textarea
                id={id}
                rows={2}
                cols={70}
                required
                value={f.selection}
                placeholder={t('campaigns.form.selectionPlaceholder')}
                onChange={(e) => set('selection', e.target.value)}
              />
            )}
          </CampaignField>
        </div>
        {options.data && (
          <CampaignSelectionHint
            fields={options.data}
            onInsert={(text) => set('selection', f.selection.trim() ? `${f.selection.trim()} ${text}` : text)}
          />
        )}
        <div className="form-row">
          <CampaignField label={t('campaigns.form.asOf')} help={help('campaigns.form.asOf')}>
            {(id) => (
              <select id={id} value={f.asOf} onChange={(e) => set('asOf', e.target.value)}>
                <option value="">
                  {t('campaigns.form.asOfLatest', { date: latest ? date(latest) : '—' })}
                </option>
                {f.asOf && !options.data?.analyses.includes(f.asOf) && (
                  <option value={f.asOf}>{date(f.asOf)}</option>
                )}
                {(options.data?.analyses ?? []).map((d) => (
                  <option key={d} value={d}>
                    {t('campaigns.form.asOfAnalysis', { date: date(d) })}
                  </option>
                ))}
              </select>
            )}
          </CampaignField>
          <CampaignField label={t('campaigns.form.control')} help={help('campaigns.form.control')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min="0"
                max="100"
                step="any"
                required
                value={f.controlPercent}
                onChange={(e) => set('controlPercent', e.target.value)}
              />
            )}
          </CampaignField>
          <CampaignField label={t('campaigns.form.days')} help={help('campaigns.form.days')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min="1"
                max="3660"
                step="1"
                required
                value={f.days}
                onChange={(e) => set('days', e.target.value)}
              />
            )}
          </CampaignField>
          <CampaignField label={t('campaigns.form.metric')} help={help('campaigns.form.metric')}>
            {(id) => (
              <select
                id={id}
                value={f.metric}
                onChange={(e) => set('metric', e.target.value as Fields['metric'])}
              >
                <option value="conversion">{t('campaigns.form.metric.conversion')}</option>
                <option value="revenue">{t('campaigns.form.metric.revenue')}</option>
              </select>
            )}
          </CampaignField>
          <CampaignField label={t('campaigns.form.mde')} help={help('campaigns.form.mde')}>
            {(id) => (
              <input
                id={id}
                type="text"
                size={10}
                value={f.mde}
                placeholder={t('campaigns.form.mdePlaceholder')}
                onChange={(e) => set('mde', e.target.value)}
              />
            )}
          </CampaignField>
        </div>
        <div className="form-row">
          <button type="submit" className="primary" disabled={busy || f.selection.trim() === ''}>
            {t('campaigns.form.plan')}
          </button>
        </div>
        {error && <ErrorMessage message={error} />}
        {planned && <CampaignPlanView plan={planned} />}
        {planned && (
          <fieldset className="campaign-create">
            <legend>{t('campaigns.form.createTitle')}</legend>
            <div className="form-row">
              <CampaignField label={t('campaigns.form.name')} help={help('campaigns.form.name')}>
                {(id) => (
                  <input
                    id={id}
                    type="text"
                    maxLength={200}
                    value={f.name}
                    onChange={(e) => set('name', e.target.value)}
                  />
                )}
              </CampaignField>
              <CampaignField label={t('campaigns.form.start')} help={help('campaigns.form.start')}>
                {(id) => (
                  <input
                    id={id}
                    type="date"
                    value={f.start || addDays(planned.as_of, 1)}
                    min={addDays(planned.as_of, 1)}
                    onChange={(e) => set('start', e.target.value)}
                  />
                )}
              </CampaignField>
              <CampaignField label={t('campaigns.form.seed')} help={help('campaigns.form.seed')}>
                {(id) => (
                  <input
                    id={id}
                    type="number"
                    min="1"
                    step="1"
                    value={f.seed}
                    placeholder={t('campaigns.form.seedPlaceholder')}
                    onChange={(e) => set('seed', e.target.value)}
                  />
                )}
              </CampaignField>
              <CampaignField label={t('campaigns.form.stratify')} help={help('campaigns.form.stratify')}>
                {(id) => (
                  <select id={id} value={f.stratify} onChange={(e) => set('stratify', e.target.value)}>
                    <option value="">{t('campaigns.form.noStratify')}</option>
                    {(options.data?.stratify ?? []).map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                )}
              </CampaignField>
              <CampaignField label={t('campaigns.form.channel')} help={help('campaigns.form.channel')}>
                {(id) => (
                  <input
                    id={id}
                    type="text"
                    size={10}
                    maxLength={100}
                    value={f.channel}
                    onChange={(e) => set('channel', e.target.value)}
                  />
                )}
              </CampaignField>
              <CampaignField label={t('campaigns.form.cost')} help={help('campaigns.form.cost')}>
                {(id) => (
                  <input
                    id={id}
                    type="number"
                    min="0"
                    step="any"
                    value={f.cost}
                    onChange={(e) => set('cost', e.target.value)}
                  />
                )}
              </CampaignField>
            </div>
            <div className="form-row">
              <button
                type="button"
                className="primary"
                disabled={busy || f.name.trim() === ''}
                onClick={onCreate}
              >
                {t('campaigns.form.create')}
              </button>
              {f.name.trim() === '' && <span className="muted">{t('campaigns.form.needName')}</span>}
            </div>
          </fieldset>
        )}
        {!planned && plan && <p className="muted">{t('campaigns.form.planAgain')}</p>}
      </form>
    </Panel>
  );
}

import { useState, type FormEvent } from 'react';
import { apiUrl } from '../../api/client.js';
import type { Row } from '../../api/types.js';
import type {
  CampaignDetail,
  CampaignEvaluation,
  ResultRow,
  WindowBasis,
} from '../../api/types-campaigns.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import type { HelpKey } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { CampaignField } from './CampaignField.js';
import { CampaignArmsChart, CampaignEffectChart } from './CampaignEffectChart.js';
import { CampaignTransitions } from './CampaignTransitions.js';
import { formatFigure, formatP, MEASURE_UNITS, measureKeys } from './campaign-format.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Help } from '../../components/Help.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

/** The words for the API's code of how the window was chosen. */
const BASIS: Record<WindowBasis, MessageKey> = {
  given: 'campaign.basis.given',
  'campaign start to end': 'campaign.basis.campaign',
  'default 30 days': 'campaign.basis.default',
};

interface Options {
  windowDays: string;
  marginPercent: string;
}

/** The evaluation of a campaign: verdict, key figures, the effect chart, target vs control, stage moves, funnel. */
export function CampaignResults({ detail }: { detail: CampaignDetail }) {
  const { t, lang } = useI18n();
  const { help } = useCatalogue();
  const [draft, setDraft] = useState<Options>({ windowDays: '', marginPercent: '' });
  const [options, setOptions] = useState<Options>(draft);
  const base = `/api/campaigns/${detail.campaign.campaign_id}/evaluate`;
  const params = {
    window_days: options.windowDays.trim() || undefined,
    margin: options.marginPercent.trim() ? Number(options.marginPercent.replace(',', '.')) / 100 : undefined,
  };
  const evaluation = useApi<CampaignEvaluation>(apiUrl(base, { ...params, lang }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setOptions(draft);
  };
  const e = evaluation.data;
  return (
    <>
      <Panel title={t('campaign.results')} help={help('campaign.results')}>
        <form className="form-row" onSubmit={onSubmit}>
          <CampaignField label={t('campaign.windowDays')} help={help('campaign.windowDays')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min="1"
                max="3660"
                step="1"
                size={6}
                value={draft.windowDays}
                placeholder={e ? String(e.window.days) : ''}
                onChange={(ev) => setDraft((d) => ({ ...d, windowDays: ev.target.value }))}
              />
            )}
          </CampaignField>
          <CampaignField label={t('campaign.margin')} help={help('campaign.margin')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min="0"
                max="100"
                step="any"
                size={6}
                value={draft.marginPercent}
                placeholder="100"
                onChange={(ev) => setDraft((d) => ({ ...d, marginPercent: ev.target.value }))}
              />
            )}
          </CampaignField>
          <button type="submit">{t('campaign.evaluate')}</button>
        </form>
        {evaluation.error && (
          <ErrorMessage message={evaluation.error} status={evaluation.status} onRetry={evaluation.reload} />
        )}
        {evaluation.loading && <Loading />}
        {e && !evaluation.loading && <Summary e={e} />}
      </Panel>
      {e && !evaluation.loading && (
        <>
          <div className="charts">
            <Panel title={t('campaign.effectChart')} help={help('campaign.effectChart')}>
              <CampaignEffectChart rows={e.results} />
            </Panel>
            <Panel title={t('campaign.armsChart')} help={help('campaign.armsChart')}>
              <CampaignArmsChart rows={e.results} />
            </Panel>
          </div>
          <Panel
            title={t('campaign.table')}
            help={help('campaign.table')}
            actions={<Downloads url={apiUrl(base, { ...params, table: 'results' })} />}
          >
            <ResultsTable rows={e.results} />
          </Panel>
          <CampaignTransitions evaluation={e} url={apiUrl(base, { ...params, table: 'transitions' })} />
          {e.funnel && <Funnel funnel={e.funnel} />}
        </>
      )}
    </>
  );
}

function Summary({ e }: { e: CampaignEvaluation }) {
  const i18n = useI18n();
  const { t, date, value } = i18n;
  const { help } = useCatalogue();
  const s = e.summary;
  const w = e.window;
  const money = (x: number | null) => formatFigure(i18n, x, 'currency', true);
  const interval = (lower: number | null, upper: number | null, f: (x: number | null) => string) =>
    t('campaign.interval', { lower: f(lower), upper: f(upper) });
  const srm = e.evaluation.sampleRatio;
  return (
    <>
      <p className="subtitle">
        {t('campaign.window', { start: date(w.start), end: date(w.last_day), days: value(w.days, 'count') })}
        <Help text={`${help('campaign.window')} ${t(BASIS[w.basis])}.`} />
      </p>
      <p className="campaign-verdict">
        <strong>{t('campaign.verdict')}:</strong> {s.verdict}
      </p>
      {e.warnings.length > 0 && (
        <div className="warnings notice">
          <ul>
            {e.warnings.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="figures">
        <KeyFigure
          label={t('campaign.measure.incremental_revenue')}
          value={money(s.incremental_revenue.estimate)}
          note={interval(s.incremental_revenue.lower, s.incremental_revenue.upper, money)}
          help={help('campaign.measure.incremental_revenue')}
        />
        <KeyFigure
          label={t('campaign.fig.revenue_p_value')}
          value={formatP(i18n, s.revenue_p_value)}
          note={t(s.significant ? 'campaign.significant' : 'campaign.withinChance')}
          help={help('campaign.fig.revenue_p_value')}
        />
        {s.incremental_revenue_cuped && (
          <KeyFigure
            label={t('campaign.measure.incremental_revenue_cuped')}
            value={money(s.incremental_revenue_cuped.estimate)}
            note={interval(s.incremental_revenue_cuped.lower, s.incremental_revenue_cuped.upper, money)}
            help={help('campaign.measure.incremental_revenue_cuped')}
          />
        )}
        <KeyFigure
          label={t('campaign.measure.incremental_buyers')}
          value={formatFigure(i18n, s.incremental_conversions.estimate, 'decimal', true)}
          note={interval(s.incremental_conversions.lower, s.incremental_conversions.upper, (x) =>
            formatFigure(i18n, x, 'decimal', true),
          )}
          help={help('campaign.measure.incremental_buyers')}
        />
        <KeyFigure
          label={t('campaign.fig.conversion_difference')}
          value={formatFigure(i18n, s.conversion_difference.estimate, 'points', true)}
          note={`p = ${formatP(i18n, s.conversion_p_value)}`}
          help={help('campaign.fig.conversion_difference')}
        />
        {s.roi && (
          <KeyFigure
            label={t('campaign.measure.roi')}
            value={formatFigure(i18n, s.roi.estimate, 'ratio')}
            note={interval(s.roi.lower, s.roi.upper, (x) => formatFigure(i18n, x, 'ratio'))}
            help={help('campaign.measure.roi')}
          />
        )}
        <KeyFigure
          label={t('campaign.fig.srm')}
          value={t(srm.mismatch ? 'campaign.srm.mismatch' : 'campaign.srm.ok')}
          note={`χ² = ${i18n.num(srm.chiSquare, { maximumFractionDigits: 2 })}, p = ${formatP(i18n, srm.pValue)}`}
          help={help('campaign.fig.srm')}
        />
      </div>
    </>
  );
}

function ResultsTable({ rows }: { rows: ResultRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { help } = useCatalogue();
  const unit = (row: Row, part: 'arms' | 'effect') =>
    MEASURE_UNITS[String(row['measure'])]?.[part] ?? 'decimal';
  const columns: Column[] = [
    {
      key: 'measure',
      label: t('campaign.col.measure'),
      help: help('campaign.col.measure'),
      render: (v) => {
        const keys = measureKeys(String(v));
        return keys ? (
          <>
            {t(keys.label)}
            <Help text={help(keys.help)} />
          </>
        ) : (
          String(v)
        );
      },
    },
    ...(['target', 'control'] as const).map((key) => ({
      key,
      label: t(`campaign.arm.${key}`),
      help: help(`campaign.col.${key}`),
      numeric: true,
      render: (v: unknown, row: Row) => formatFigure(i18n, v as number | null, unit(row, 'arms')),
    })),
    {
      key: 'estimate',
      label: t('campaign.col.estimate'),
      help: help('campaign.col.estimate'),
      numeric: true,
      render: (v, row) => formatFigure(i18n, v as number | null, unit(row, 'effect'), true),
    },
    {
      key: 'lower',
      label: t('campaign.col.interval'),
      help: help('campaign.col.interval'),
      numeric: true,
      render: (_v, row) =>
        row['lower'] === null && row['upper'] === null
          ? '—'
          : `${formatFigure(i18n, row['lower'] as number | null, unit(row, 'effect'))} … ${formatFigure(
              i18n,
              row['upper'] as number | null,
              unit(row, 'effect'),
            )}`,
    },
    {
      key: 'p_value',
      label: t('campaign.col.p_value'),
      help: help('campaign.col.p_value'),
      numeric: true,
      render: (v) => formatP(i18n, v as number | null),
    },
  ];
  return <DataTable columns={columns} rows={rows as unknown as Row[]} label={t('campaign.table')} />;
}

function Funnel({ funnel: f }: { funnel: NonNullable<CampaignEvaluation['funnel']> }) {
  const i18n = useI18n();
  const { t, value } = i18n;
  const { help } = useCatalogue();
  const figure = (key: string, text: string) => (
    <KeyFigure
      key={key}
      label={t(`campaign.funnel.${key}` as MessageKey)}
      value={text}
      help={help(`campaign.funnel.${key}` as HelpKey)}
    />
  );
  return (
    <Panel title={t('campaign.funnel')} help={help('campaign.funnel')}>
      <div className="figures">
        {figure('sent', value(f.sent, 'count'))}
        {figure('opened', value(f.opened, 'count'))}
        {figure('clicked', value(f.clicked, 'count'))}
        {figure('orders', value(f.orders, 'count'))}
        {figure('openRate', value(f.ratios.openRate, 'ratio'))}
        {figure('clickThroughRate', value(f.ratios.clickThroughRate, 'ratio'))}
        {figure('clickToOpenRate', value(f.ratios.clickToOpenRate, 'ratio'))}
        {figure('conversionRate', value(f.ratios.conversionRate, 'ratio'))}
        {figure('costPerOrder', value(f.ratios.costPerOrder, 'currency'))}
      </div>
    </Panel>
  );
}

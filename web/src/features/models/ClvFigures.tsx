import type { PredictionsSummary } from '../../api/types-models.js';
import { useCatalogue } from '../../catalogue.js';
import type { HelpKey } from '../../i18n/help.js';
import { useI18n, type I18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Help } from '../../components/Help.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Panel } from '../../components/Panel.js';

function share(part: number, whole: number, i18n: I18n): string {
  return whole > 0 ? i18n.num(part / whole, { style: 'percent', maximumFractionDigits: 1 }) : '—';
}

/** The key figures of the stored predictions. */
export function ClvFigures({ summary: s }: { summary: PredictionsSummary }) {
  const i18n = useI18n();
  const { t, value } = i18n;
  const { help } = useCatalogue();
  const horizon = t(`clv.per.${s.unit}`, { n: s.horizon });
  const totals = s.totals;
  const risk = i18n.num(s.at_risk_threshold, { style: 'percent' });
  return (
    <div className="figures">
      <KeyFigure
        label={t('clv.fig.customers')}
        value={value(totals.customers, 'count')}
        help={help('clv.fig.customers')}
      />
      <KeyFigure
        label={t('clv.fig.clv')}
        value={value(totals.clv, 'currency')}
        note={horizon}
        help={help('clv.fig.clv')}
      />
      <KeyFigure
        label={t('clv.fig.clvMean')}
        value={value(totals.clv_mean, 'currency')}
        help={help('clv.fig.clvMean')}
      />
      <KeyFigure
        label={t('clv.fig.clvMedian')}
        value={value(totals.clv_median, 'currency')}
        help={help('clv.fig.clvMedian')}
      />
      <KeyFigure
        label={t('clv.fig.expectedPurchases')}
        value={value(totals.expected_purchases, 'count')}
        note={horizon}
        help={help('clv.fig.expectedPurchases')}
      />
      <KeyFigure
        label={t('clv.fig.expectedAlive')}
        value={value(totals.expected_alive, 'count')}
        note={share(totals.expected_alive, totals.customers, i18n)}
        help={help('clv.fig.expectedAlive')}
      />
      <KeyFigure
        label={t('clv.fig.atRisk', { risk })}
        value={value(totals.at_risk, 'count')}
        note={share(totals.at_risk, totals.customers, i18n)}
        help={help('clv.fig.atRisk')}
      />
      <KeyFigure
        label={t('clv.fig.atRiskClv')}
        value={value(totals.at_risk_clv, 'currency')}
        note={share(totals.at_risk_clv, totals.clv, i18n)}
        help={help('clv.fig.atRiskClv')}
      />
    </div>
  );
}

const PARAM_HELP: Record<string, HelpKey> = {
  r: 'clv.param.r',
  alpha: 'clv.param.alpha',
  a: 'clv.param.a',
  b: 'clv.param.b',
  s: 'clv.param.s',
  beta: 'clv.param.beta',
  p: 'clv.param.p',
  q: 'clv.param.q',
  gamma: 'clv.param.gamma',
};

/** A model's parameters as facts with what each one means; `errors` adds the standard errors. */
export function ModelParams({
  params,
  errors,
}: {
  params: Record<string, number>;
  errors?: Record<string, number>;
}) {
  const { t, num } = useI18n();
  const { help } = useCatalogue();
  const format = (v: number) => num(v, { maximumSignificantDigits: 4 });
  return (
    <>
      {Object.entries(params).map(([name, v]) => {
        const key = PARAM_HELP[name];
        const se = errors?.[name];
        return (
          <div key={name}>
            <dt>
              {name}
              {key && <Help text={help(key)} />}
            </dt>
            <dd>
              {format(v)}
              {se !== undefined && ` ± ${format(se)}`}
            </dd>
          </div>
        );
      })}
      {errors && <div className="muted">{t('clv.seNote')}</div>}
    </>
  );
}

/** The model behind the stored predictions: which one, its parameters, the options. */
export function ClvModel({ summary: s }: { summary: PredictionsSummary }) {
  const { t, num, date } = useI18n();
  const { help } = useCatalogue();
  const fact = (label: MessageKey, value: string, helpKey?: HelpKey) => (
    <div>
      <dt>
        {t(label)}
        {helpKey && <Help text={help(helpKey)} />}
      </dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Panel title={t('clv.modelTitle')} help={help('clv.modelTitle')}>
      <dl className="facts">
        {fact('clv.model', t(`clv.model.${s.model.name}`), 'clv.model')}
        {fact('clv.fitUnit', t(`clv.unit.${s.model.time_unit}`), 'clv.fitUnit')}
        {fact('clv.loglik', num(s.model.loglik, { maximumFractionDigits: 1 }), 'clv.loglik')}
        {fact('clv.horizon', t(`clv.per.${s.unit}`, { n: s.horizon }), 'clv.horizon')}
        {fact('clv.discount', num(s.discount_rate), 'clv.discount')}
        {fact('clv.margin', num(s.margin), 'clv.margin')}
        {fact('clv.computedAt', date(s.computed_at))}
      </dl>
      <h3>{t('clv.purchaseParams')}</h3>
      <dl className="facts">
        <ModelParams params={s.model.params} />
      </dl>
      <h3>{t('clv.spendParams')}</h3>
      <dl className="facts">
        <ModelParams params={s.model.spend_params} />
      </dl>
    </Panel>
  );
}

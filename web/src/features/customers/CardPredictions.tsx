import type { CardPredictions as Predictions } from '../../api/types-models.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { MetricLabel } from '../../components/MetricLabel.js';
import { Panel } from '../../components/Panel.js';

const IDS = [
  'clv',
  'p_alive',
  'churn_risk',
  'expected_purchases',
  'next_purchase_date',
  'expected_spend',
  'p_no_purchase',
] as const;

/** One customer's stored predictions, with the date, model and horizon they were made with. */
export function CardPredictions({ predictions: p }: { predictions: Predictions }) {
  const { t, value, date } = useI18n();
  const catalogue = useCatalogue();
  return (
    <Panel title={t('cardHistory.predictions')} help={catalogue.help('cardHistory.predictions')}>
      <p className="muted">
        {t('cardHistory.predictionsNote', {
          date: date(p.as_of),
          model: t(`clv.model.${p.model}`),
          horizon: t(`clv.per.${p.unit}`, { n: p.horizon }),
        })}
      </p>
      <dl className="metrics">
        {IDS.map((id) => (
          <div key={id} className="metric">
            <dt>
              <MetricLabel id={id} />
            </dt>
            <dd>{value(p[id], catalogue.metric(id)?.unit ?? 'text')}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}

import { apiUrl } from '../../api/client.js';
import type { CustomerCard as Card, Row } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { CardHistory } from './CardHistory.js';
import { CardPredictions } from './CardPredictions.js';
import { stageName } from '../models/ClvStages.js';
import { CustomerAttributes } from './CustomerAttributes.js';
import { CustomerMonthly } from './CustomerMonthly.js';
import { CustomerSales } from './CustomerSales.js';
import { MetricLabel } from '../../components/MetricLabel.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Link } from '../../router.js';

const GROUPS = [
  'value',
  'transactions',
  'activity',
  'products',
  'segment',
  'prediction',
  'customer',
] as const;

/**
 * One customer's 360° card: every profile metric by group, the stored predictions, the attributes, the history
 * of stages and characteristics over the analysis snapshots, purchases by month and the sales lines.
 */
export function CustomerCard({ id }: { id: string }) {
  const { t } = useI18n();
  const { asOf } = useAsOf();
  const card = useApi<Card>(apiUrl(`/api/customers/${encodeURIComponent(id)}`, { as_of: asOf }));
  return (
    <div className="page">
      <Link to="/customers" className="back">
        {t('card.back')}
      </Link>
      <h1>{t('card.title', { id })}</h1>
      {card.error && <ErrorMessage message={card.error} status={card.status} />}
      {!card.data && !card.error && <Loading />}
      {card.data && card.data.customer_id === id && <CardBody card={card.data} asOf={asOf} />}
    </div>
  );
}

function CardBody({ card, asOf }: { card: Card; asOf: string }) {
  const { t, date } = useI18n();
  const catalogue = useCatalogue();
  return (
    <>
      {card.profile ? (
        <div className="metric-groups">
          {GROUPS.map((group) => {
            const ids = Object.keys(card.profile ?? {}).filter(
              (k) => k !== 'customer_id' && catalogue.metric(k)?.group === group,
            );
            if (ids.length === 0) return null;
            return (
              <Panel key={group} title={t(`group.${group}` as MessageKey)}>
                <MetricList ids={ids} row={card.profile ?? {}} />
              </Panel>
            );
          })}
          {card.predictions && <CardPredictions predictions={card.predictions} />}
        </div>
      ) : (
        <p>{t('card.noProfile', { date: card.as_of ? date(card.as_of) : '—' })}</p>
      )}
      <CustomerAttributes attributes={card.attributes} />
      <CardHistory id={card.customer_id} />
      {card.monthly.length > 0 && <CustomerMonthly monthly={card.monthly} />}
      <CustomerSales card={card} asOf={asOf} />
    </>
  );
}

function MetricList({ ids, row }: { ids: string[]; row: Row }) {
  const { value, t } = useI18n();
  const catalogue = useCatalogue();
  return (
    <dl className="metrics">
      {ids.map((id) => (
        <div key={id} className="metric">
          <dt>
            <MetricLabel id={id} />
          </dt>
          <dd>
            {id === 'stage' ? stageName(row[id], t) : value(row[id], catalogue.metric(id)?.unit ?? 'text')}
          </dd>
        </div>
      ))}
    </dl>
  );
}

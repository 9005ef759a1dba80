import { apiUrl } from '../../api/client.js';
import type { Month, Status, Summary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { Downloads } from '../../components/Downloads.js';
import { MonthlyCharts, MonthlyTable } from './MonthlyCharts.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { SummaryFigures } from './SummaryFigures.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';

/** Key figures of the base at the as-of date, its month-over-month change, and the base month by month. */
export function Overview() {
  const i18n = useI18n();
  const { t } = i18n;
  const { asOf } = useAsOf();
  const status = useApi<Status>('/api/status');
  const hasSales = status.data ? status.data.sales.customers > 0 : false;
  const summary = useApi<Summary>(hasSales ? apiUrl('/api/profile/summary', { as_of: asOf }) : null);
  const monthlyUrl = apiUrl('/api/overview/monthly', { as_of: asOf });
  const monthly = useApi<{ as_of: string; months: Month[] }>(hasSales ? monthlyUrl : null);
  if (status.error)
    return <ErrorMessage message={status.error} status={status.status} onRetry={status.reload} />;
  if (!status.data) return <Loading />;
  if (!hasSales) return <NoSales />;
  return (
    <div className="page">
      <h1>{t('overview.title')}</h1>
      {summary.error && <ErrorMessage message={summary.error} status={summary.status} />}
      {summary.data ? (
        <SummaryFigures summary={summary.data} months={monthly.data?.months ?? []} />
      ) : (
        <Loading />
      )}
      {monthly.error && <ErrorMessage message={monthly.error} status={monthly.status} />}
      {monthly.data && <MonthlyCharts months={monthly.data.months} />}
      {monthly.data && (
        <Panel title={t('overview.months')} actions={<Downloads url={monthlyUrl} />}>
          <MonthlyTable months={monthly.data.months} />
        </Panel>
      )}
    </div>
  );
}

function NoSales() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('empty.title')}</h1>
      <p>{t('empty.text')}</p>
      <Link to="/data" className="button">
        {t('empty.link')}
      </Link>
    </div>
  );
}

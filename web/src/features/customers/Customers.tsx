import { useEffect, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { ProfilePage, Status } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { ColumnChooser } from '../../components/ColumnChooser.js';
import { DataTable, type Sort } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Pager } from '../../components/Pager.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import { metricColumn } from '../../profile-columns.js';

const PAGE = 50;
const DEFAULT_COLUMNS = [
  'customer_id',
  'orders',
  'revenue',
  'aov',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'ipi_median_days',
  'orders_365d',
  'stage',
  'rfm_segment',
];

/** The customer profile as a paged, sortable, searchable table; a row opens the customer's card. */
export function Customers() {
  const i18n = useI18n();
  const { t, num } = i18n;
  const catalogue = useCatalogue();
  const { asOf } = useAsOf();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'revenue', order: 'desc' });
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<string[]>(DEFAULT_COLUMNS);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setOffset(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);
  const status = useApi<Status>('/api/status');
  const hasSales = status.data ? status.data.sales.customers > 0 : false;
  const params = { as_of: asOf, search: query, sort: sort.key, order: sort.order };
  const page = useApi<ProfilePage>(
    hasSales ? apiUrl('/api/profile', { ...params, limit: PAGE, offset }) : null,
  );
  const available = page.data?.columns ?? [];
  const columns = (available.length ? chosen.filter((c) => available.includes(c)) : []).map((id) =>
    metricColumn(id, catalogue, i18n),
  );
  const onSort = (key: string) => {
    setSort((s) => ({ key, order: s.key === key && s.order === 'desc' ? 'asc' : 'desc' }));
    setOffset(0);
  };
  if (status.data && !hasSales) {
    return (
      <div className="page">
        <h1>{t('customers.title')}</h1>
        <p>{t('empty.text')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t('customers.title')}</h1>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {page.data && <span className="count">{t('customers.count', { total: num(page.data.total) })}</span>}
        <ColumnChooser available={available} chosen={chosen} onChange={setChosen} />
        <Downloads url={apiUrl('/api/profile', params)} />
      </div>
      {page.error && <ErrorMessage message={page.error} status={page.status} onRetry={page.reload} />}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <DataTable
            columns={columns}
            rows={page.data.rows}
            sort={sort}
            onSort={onSort}
            rowLink={(row) => `/customers/${encodeURIComponent(String(row['customer_id']))}`}
            label={t('customers.title')}
          />
          <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={setOffset} />
        </>
      )}
    </div>
  );
}

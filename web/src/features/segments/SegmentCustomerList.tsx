import { useEffect, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { SegmentCustomers } from '../../api/types-segments.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { segmentValue } from './segment-values.js';
import { metricColumn } from '../../profile-columns.js';
import { DataTable, type Column, type Sort } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const PAGE = 25;
const METRICS = [
  'customer_id',
  'r_score',
  'f_score',
  'm_score',
  'stage',
  'recency_days',
  'orders',
  'revenue_12m',
  'expected_next_purchase',
  'days_overdue',
];

/**
 * The customers of one segment at the snapshot, paged and sortable, each linking to their card, with the whole
 * list one click away as a CSV or Excel file for a CRM (scores, classes, stage, rhythm, name, e-mail, phone).
 */
export function SegmentCustomerList({
  kind,
  segment,
  title,
  asOf,
}: {
  kind: 'rfm' | 'abc' | 'xyz' | 'lifecycle';
  segment: string;
  title: string;
  asOf: string;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const catalogue = useCatalogue();
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<Sort>({ key: 'revenue_12m', order: 'desc' });
  useEffect(() => setOffset(0), [segment, asOf]);
  const params = { kind, segment, as_of: asOf, sort: sort.key, order: sort.order };
  const page = useApi<SegmentCustomers>(apiUrl('/api/segments', { ...params, limit: PAGE, offset }));
  const labels = page.data?.labels;
  const columns: Column[] = METRICS.map((id) => {
    const column = metricColumn(id, catalogue, i18n);
    return id === 'stage'
      ? { ...column, render: (v: unknown) => segmentValue('stage', v, labels, lang, '') }
      : column;
  });
  columns.splice(1, 0, {
    key: 'name',
    label: t('attr.name'),
    help: catalogue.help('segments.contact'),
    render: (v) => (v === null || v === undefined ? '—' : String(v)),
  });
  const exportUrl = (format: 'csv' | 'xlsx') => apiUrl('/api/segments', { ...params, format });
  return (
    <Panel
      title={title}
      help={catalogue.help('segments.list')}
      actions={
        <span className="downloads" role="group" aria-label={t('segments.export')}>
          <span>{t('segments.export')}</span>
          <a className="button" href={exportUrl('csv')} download>
            {t('common.csv')}
          </a>
          <a className="button" href={exportUrl('xlsx')} download>
            {t('common.xlsx')}
          </a>
        </span>
      }
    >
      {page.error && <ErrorMessage message={page.error} status={page.status} onRetry={page.reload} />}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <p className="muted">{t('segments.count', { total: i18n.num(page.data.total) })}</p>
          <DataTable
            columns={columns}
            rows={page.data.rows}
            sort={sort}
            onSort={(key) => {
              setSort((s) => ({ key, order: s.key === key && s.order === 'desc' ? 'asc' : 'desc' }));
              setOffset(0);
            }}
            rowLink={(row) => `/customers/${encodeURIComponent(String(row['customer_id']))}`}
            label={title}
          />
          <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={setOffset} />
        </>
      )}
    </Panel>
  );
}

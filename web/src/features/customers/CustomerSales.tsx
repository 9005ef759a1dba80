import { apiUrl } from '../../api/client.js';
import type { CustomerCard } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';

const LINE_COLUMNS = [
  'ts',
  'order_id',
  'sku',
  'product',
  'category',
  'quantity',
  'amount',
  'store',
  'channel',
] as const;

/** The customer's latest sales lines; all of them download as CSV or Excel. */
export function CustomerSales({ card, asOf }: { card: CustomerCard; asOf: string }) {
  const { t, value, num } = useI18n();
  const { help } = useCatalogue();
  const columns: Column[] = LINE_COLUMNS.map((key) => ({
    key,
    label: t(`line.${key}`),
    help: help(`line.${key}`),
    numeric: key === 'quantity' || key === 'amount',
    render: (v: unknown) =>
      value(v, key === 'ts' ? 'date' : key === 'amount' ? 'currency' : key === 'quantity' ? 'items' : 'text'),
  }));
  const url = apiUrl(`/api/customers/${encodeURIComponent(card.customer_id)}/sales`, { as_of: asOf });
  return (
    <Panel title={t('card.sales')} actions={<Downloads url={url} />}>
      <p className="muted">
        {t('card.salesCount', { shown: num(card.sales.rows.length), total: num(card.sales.total) })}
      </p>
      <DataTable columns={columns} rows={card.sales.rows} label={t('card.sales')} tall />
    </Panel>
  );
}

import type { Column } from './components/DataTable.js';
import type { Catalogue } from './catalogue.js';
import type { I18n } from './i18n/i18n.js';

const NUMERIC = new Set(['currency', 'count', 'items', 'days', 'ratio', 'per_month']);

/** A table column for a profile metric: its catalogue name, method (?) and unit format. */
export function metricColumn(id: string, catalogue: Catalogue, i18n: I18n): Column {
  const metric = catalogue.metric(id);
  const unit = metric?.unit ?? 'text';
  return {
    key: id,
    label: metric?.name ?? id,
    help: metric?.method ?? id,
    numeric: NUMERIC.has(unit),
    render: (value) => i18n.value(value, unit),
  };
}

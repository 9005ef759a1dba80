import type { Text } from '../util/text.js';

/**
 * A metric is data: its id (the column name everywhere), group, unit, names and methodology text in English
 * and Russian, and the SQL that computes it. One entry drives the profile SQL, the exports, `clientele metrics`
 * and every tooltip.
 */
export const METRIC_GROUPS = [
  'customer',
  'value',
  'transactions',
  'products',
  'activity',
  'prediction',
  'segment',
] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export const UNITS = [
  'id',
  'text',
  'currency',
  'count',
  'items',
  'days',
  'date',
  'ratio',
  'per_month',
] as const;
export type Unit = (typeof UNITS)[number];

export type { Text };

/**
 * Where the SQL of a metric is evaluated:
 * - `line`: an aggregate over the customer's sales lines up to the as-of date (columns of `lines`: order_id,
 *   day, ts, amount, quantity, sku, category, store, channel, cost; `as_of` is the as-of DATE);
 * - `gap`: an aggregate over the gaps in days between consecutive purchase days (column `gap`, BIGINT);
 * - `derived`: an expression over metrics listed before it and `as_of`;
 * - `attribute`: a column of the customers table (`c`);
 * - `population`: an expression over the metrics above and the population's rhythm `pop.r0`, `pop.c0`;
 * - `snapshot`: a column of the stored analysis (`cs`, customer_snapshots) at the same as-of date;
 * - `prediction`: a column of the stored predictions (`pr`) at the same as-of date;
 * - `recommendation`: a column of the stored recommendations (`rc`, one row per customer) at the same as-of date;
 * - `category` / `sku`: an aggregate over the customer's revenue per category / per SKU (see
 *   preference-metrics.ts for the columns); a BIGINT count there is 0 for a customer without rows.
 */
export type Level =
  | 'line'
  | 'gap'
  | 'derived'
  | 'attribute'
  | 'population'
  | 'snapshot'
  | 'prediction'
  | 'category'
  | 'sku'
  | 'recommendation';

export interface Metric {
  id: string;
  group: MetricGroup;
  unit: Unit;
  level: Level;
  sql: string;
  /** DuckDB type of the result. */
  type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'DATE' | 'TIMESTAMP';
  name: Text;
  method: Text;
}

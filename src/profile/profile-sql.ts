import { PROFILE_METRICS, PURCHASE } from '../metrics/index.js';
import { PROFILE_COLUMNS } from '../metrics/index.js';
import type { Metric } from '../metrics/index.js';

/**
 * The SQL of the customer profile as of a date, generated from the metric catalogue. `$1` is the as-of DATE.
 * Lines of identified customers up to the end of that day are aggregated once per customer; gaps between
 * purchase days are aggregated separately; derived metrics are computed from both.
 */
export function profileSql(
  metrics: readonly Metric[] = PROFILE_METRICS,
  columns: readonly string[] = PROFILE_COLUMNS,
): string {
  const at = (level: Metric['level']): Metric[] => metrics.filter((m) => m.level === level);
  const line = at('line').map((m) => `CAST(${m.sql} AS ${m.type}) AS ${m.id}`);
  const gap = at('gap').map((m) => `CAST(${m.sql} AS ${m.type}) AS ${m.id}`);
  const derived = at('derived').map((m) => `CAST(${m.sql} AS ${m.type}) AS ${m.id}`);
  const attribute = at('attribute').map((m) => `CAST(${m.sql} AS ${m.type}) AS ${m.id}`);
  return `WITH params AS (SELECT CAST($1 AS DATE) AS as_of),
lines AS (
  SELECT s.customer_id, s.order_id, CAST(s.ts AS DATE) AS day, s.ts, s.amount,
         s.quantity, s.sku, s.store, s.channel, s.cost, p.category
  FROM sales s LEFT JOIN products p ON p.sku = s.sku
  WHERE s.customer_id IS NOT NULL AND s.ts < CAST($1 AS DATE) + INTERVAL 1 DAY
),
per_line AS (
  SELECT customer_id, ${line.join(',\n    ')}
  FROM lines, params
  GROUP BY customer_id
  HAVING count(*) FILTER (WHERE ${PURCHASE}) > 0
),
purchase_days AS (SELECT DISTINCT customer_id, day FROM lines WHERE ${PURCHASE}),
gaps AS (
  SELECT customer_id, CAST(date_diff('day', lag(day) OVER (PARTITION BY customer_id ORDER BY day), day) AS DOUBLE) AS gap
  FROM purchase_days
),
per_gap AS (
  SELECT customer_id, ${gap.join(',\n    ')}
  FROM gaps WHERE gap IS NOT NULL GROUP BY customer_id
),
joined AS (
  SELECT l.*, ${at('gap')
    .map((m) => `g.${m.id}`)
    .join(', ')}, ${attribute.join(', ')}, params.as_of
  FROM per_line l LEFT JOIN per_gap g USING (customer_id) LEFT JOIN customers c USING (customer_id), params
),
derived AS (
  SELECT *, ${derived.join(',\n    ')}
  FROM joined
)
SELECT ${columns.join(', ')} FROM derived`;
}

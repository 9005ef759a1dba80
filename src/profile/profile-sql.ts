import { FALLBACK } from '../analyze/thresholds.js';
import {
  PROFILE_METRICS,
  PURCHASE,
  RHYTHM_METRICS,
  SNAPSHOT_METRICS,
  PREDICTION_METRICS,
  PROFILE_COLUMNS,
  SEGMENT_COLUMNS,
  PREDICTION_COLUMNS,
  RECOMMENDATION_METRICS,
  RECOMMENDATION_COLUMNS,
} from '../metrics/index.js';
import type { Metric } from '../metrics/index.js';
import { RECOMMEND_LIMITS } from '../recommend/recommend-method.js';

const expr = (m: Metric): string => `CAST(${m.sql} AS ${m.type}) AS ${m.id}`;

/**
 * (customer_id, recommended_skus): the recommendations stored at `$1` of the customers `where` selects, one
 * row per customer. The SKUs in rank order are the (at most RECOMMEND_LIMITS.most) lowest ranks as `arg_min`
 * keeps them: on a million customers a third of the time of `string_agg(sku ORDER BY rank)`. Like every
 * aggregate into lists or strings it holds its states in memory (about 700 bytes a customer at 5 SKUs).
 */
export function recommendedSkusSql(where = 'true'): string {
  return `SELECT customer_id, array_to_string(arg_min(sku, rank, ${RECOMMEND_LIMITS.most}), ', ') AS recommended_skus
FROM recommendations WHERE as_of = CAST($1 AS DATE) AND ${where} GROUP BY customer_id`;
}

const recommendationJoin = (rc: string): string => `LEFT JOIN ${rc} rc ON rc.customer_id = d.customer_id`;

/**
 * What gives `table`, a profile as profileSql makes it, its recommendation columns (the last ones) computed
 * afresh from `rc` (recommendedSkusSql's rows), every other column kept: `add` (first, when the table has none
 * yet), then `update`.
 */
export function recommendationColumnsSql(table: string, rc: string): { add: string[]; update: string } {
  return {
    add: RECOMMENDATION_METRICS.map((m) => `ALTER TABLE ${table} ADD COLUMN ${m.id} ${m.type}`),
    update: `UPDATE ${table} SET ${RECOMMENDATION_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')}
FROM (SELECT d.customer_id, ${RECOMMENDATION_METRICS.map(expr).join(', ')} FROM ${table} d ${recommendationJoin(rc)}) u
WHERE u.customer_id = ${table}.customer_id`,
  };
}

/**
 * The SQL of the customer profile as of a date, generated from the metric catalogue. `$1` is the as-of DATE.
 * Lines of identified customers up to the end of that day are aggregated once per customer; gaps between
 * purchase days are aggregated separately; derived metrics are computed from both, then the rhythm metrics
 * from the population's medians. With `segments`, the stored analysis at the same date adds its columns.
 */
export function profileSql(
  options: { segments?: boolean; predictions?: boolean; recommendations?: boolean } = {},
): string {
  const metrics: readonly Metric[] = [
    ...PROFILE_METRICS,
    ...RHYTHM_METRICS,
    ...(options.segments ? SNAPSHOT_METRICS : []),
    ...(options.predictions ? PREDICTION_METRICS : []),
    ...(options.recommendations ? RECOMMENDATION_METRICS : []),
  ];
  const columns = [
    ...PROFILE_COLUMNS,
    ...(options.segments ? SEGMENT_COLUMNS : []),
    ...(options.predictions ? PREDICTION_COLUMNS : []),
    ...(options.recommendations ? RECOMMENDATION_COLUMNS : []),
  ];
  const at = (level: Metric['level']): Metric[] => metrics.filter((m) => m.level === level);
  const snapshotJoin = options.segments
    ? `LEFT JOIN snapshots sn ON sn.as_of = CAST($1 AS DATE)
       LEFT JOIN customer_snapshots cs ON cs.snapshot_id = sn.snapshot_id AND cs.customer_id = d.customer_id`
    : '';
  const predictionJoin = options.predictions
    ? `LEFT JOIN predictions pr ON pr.customer_id = d.customer_id AND pr.as_of = CAST($1 AS DATE)`
    : '';
  const recommendations = options.recommendations ? recommendationJoin(`(${recommendedSkusSql()})`) : '';
  const joined = [...at('snapshot'), ...at('prediction'), ...at('recommendation')];
  return `WITH params AS (SELECT CAST($1 AS DATE) AS as_of),
lines AS (
  SELECT s.customer_id, s.order_id, CAST(s.ts AS DATE) AS day, s.ts, s.amount,
         s.quantity, s.sku, s.store, s.channel, s.cost, p.category
  FROM sales s LEFT JOIN products p ON p.sku = s.sku
  WHERE s.customer_id IS NOT NULL AND s.ts < CAST($1 AS DATE) + INTERVAL 1 DAY
),
per_line AS (
  SELECT customer_id, ${at('line').map(expr).join(',\n    ')}
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
  SELECT customer_id, ${at('gap').map(expr).join(',\n    ')}
  FROM gaps WHERE gap IS NOT NULL GROUP BY customer_id
),
sku_revenue AS (
  SELECT customer_id, sku, any_value(category) AS category, CAST(sum(amount) AS DOUBLE) AS rev
  FROM lines WHERE ${PURCHASE} AND sku IS NOT NULL GROUP BY 1, 2
),
category_revenue AS (
  SELECT customer_id, category, rev, rev / sum(rev) OVER (PARTITION BY customer_id) AS share
  FROM (SELECT customer_id, category, sum(rev) AS rev FROM sku_revenue WHERE category IS NOT NULL GROUP BY 1, 2)
),
per_category AS (
  SELECT customer_id, ${at('category').map(expr).join(',\n    ')}
  FROM category_revenue GROUP BY customer_id
),
per_sku AS (
  SELECT customer_id, ${at('sku').map(expr).join(',\n    ')}
  FROM sku_revenue GROUP BY customer_id
),
joined AS (
  SELECT l.*, ${[...at('gap'), ...at('category'), ...at('sku')]
    .map((m) => {
      const column = `${m.level === 'gap' ? 'g' : m.level === 'category' ? 'pc' : 'ps'}.${m.id}`;
      // A customer without SKUs (or categories) has no row there: counts are 0, the rest NULL.
      return m.type === 'BIGINT' ? `coalesce(${column}, 0) AS ${m.id}` : column;
    })
    .join(', ')}, ${at('attribute').map(expr).join(', ')}, params.as_of
  FROM per_line l LEFT JOIN per_gap g USING (customer_id) LEFT JOIN customers c USING (customer_id)
    LEFT JOIN per_category pc USING (customer_id) LEFT JOIN per_sku ps USING (customer_id), params
),
derived AS (
  SELECT *, ${at('derived').map(expr).join(',\n    ')}
  FROM joined
),
pop AS (
  SELECT coalesce(median(ipi_mean_days), ${FALLBACK.r0}) AS r0,
         coalesce(median(ipi_std_days / ipi_mean_days) FILTER (WHERE purchase_days >= 3 AND ipi_mean_days > 0), ${FALLBACK.c0}) AS c0
  FROM derived
),
rhythm AS (
  SELECT d.*, ${at('population').map(expr).join(',\n    ')}
  FROM derived d CROSS JOIN pop
),
final AS (
  SELECT d.*${joined.length ? `, ${joined.map(expr).join(', ')}` : ''}
  FROM rhythm d ${snapshotJoin} ${predictionJoin} ${recommendations}
)
SELECT ${columns.join(', ')} FROM final`;
}

import { PURCHASE } from '../metrics/index.js';
import { RECOMMEND_LIMITS } from './recommend-method.js';

export { RECOMMEND_LIMITS, RECOMMEND_METHOD } from './recommend-method.js';

/**
 * The top recommendations per customer as of `$1` (DATE), `$2` = how many. With `single`, only for customer
 * `$3`. SKUs to leave out (postage, fees…) are the next `exclude` parameters. Columns: customer_id, rank, sku,
 * name, category, score (NULL for popular fill), source ('similar' | 'popular'), because_sku.
 */
export function recommendSql(o: { single: boolean; exclude: number }): string {
  const L = RECOMMEND_LIMITS;
  const first = o.single ? 4 : 3;
  const excluded = o.exclude
    ? `AND sku NOT IN (${Array.from({ length: o.exclude }, (_, i) => `$${first + i}`).join(', ')})`
    : '';
  return `WITH owned AS (
  SELECT customer_id, sku, max(ts) AS last_ts FROM sales
  WHERE customer_id IS NOT NULL AND sku IS NOT NULL AND ${PURCHASE}
    AND ts < CAST($1 AS DATE) + INTERVAL 1 DAY ${excluded}
  GROUP BY customer_id, sku
),
recent AS (
  SELECT customer_id, sku FROM owned
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY last_ts DESC, sku) <= ${L.itemsPerCustomer}
),
buyers AS (SELECT sku, count(*) AS n FROM recent GROUP BY sku),
targets AS (SELECT DISTINCT customer_id FROM owned ${o.single ? 'WHERE customer_id = $3' : ''}),
seeds AS (SELECT r.* FROM recent r SEMI JOIN targets t USING (customer_id)),
pairs AS (
  SELECT a.sku, b.sku AS neighbour, count(*) AS co
  FROM recent a JOIN recent b ON a.customer_id = b.customer_id AND a.sku <> b.sku
  WHERE a.sku IN (SELECT sku FROM seeds)
  GROUP BY a.sku, b.sku HAVING count(*) >= ${L.minCoBuyers}
),
neighbours AS (
  SELECT p.sku, p.neighbour, p.co / sqrt(CAST(na.n AS DOUBLE) * nb.n) AS similarity
  FROM pairs p JOIN buyers na ON na.sku = p.sku JOIN buyers nb ON nb.sku = p.neighbour
  QUALIFY row_number() OVER (PARTITION BY p.sku ORDER BY similarity DESC, p.neighbour) <= ${L.neighbours}
),
by_similarity AS (
  SELECT s.customer_id, n.neighbour AS sku, sum(n.similarity) AS score,
         arg_max(s.sku, n.similarity) AS because_sku
  FROM seeds s JOIN neighbours n ON n.sku = s.sku
  GROUP BY s.customer_id, n.neighbour
),
popular AS (
  SELECT sku, row_number() OVER (ORDER BY recent_buyers DESC, all_buyers DESC, sku) AS popularity
  FROM (SELECT sku, count(*) FILTER (WHERE last_ts >= CAST($1 AS DATE) - INTERVAL ${L.popularDays - 1} DAY) AS recent_buyers,
               count(*) AS all_buyers
        FROM owned GROUP BY sku)
  QUALIFY popularity <= $2 + ${L.popularPool}
),
candidates AS (
  SELECT customer_id, sku, score, 'similar' AS source, because_sku, 0 AS popularity FROM by_similarity
  UNION ALL
  SELECT t.customer_id, p.sku, NULL, 'popular', NULL, p.popularity FROM targets t CROSS JOIN popular p
),
fresh AS (
  SELECT * FROM candidates c ANTI JOIN owned o USING (customer_id, sku)
  QUALIFY row_number() OVER (PARTITION BY customer_id, sku ORDER BY (source = 'similar') DESC) = 1
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY (source = 'similar') DESC, score DESC, popularity, sku) AS rank
  FROM fresh
)
SELECT r.customer_id, CAST(r.rank AS INTEGER) AS rank, r.sku, p.name, p.category, r.score, r.source, r.because_sku
FROM ranked r LEFT JOIN products p ON p.sku = r.sku
WHERE r.rank <= $2
ORDER BY r.customer_id, r.rank`;
}

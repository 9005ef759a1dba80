import { PURCHASE } from '../../src/metrics/index.js';
import { RECOMMEND_LIMITS } from '../../src/metrics/recommendation-method.js';

/**
 * The oracle: the single statement that recommended for every customer before the work was split into
 * customer partitions (one statement, string keys, window functions), kept here to check the new path
 * against. `$1` = as-of DATE, `$2` = how many, the next `exclude` parameters = SKUs to leave out.
 *
 * `verbatim` is that statement unchanged. Without it, two choices it leaves to the engine are fixed the way
 * RECOMMEND_METHOD states them: each similarity enters a score rounded to a multiple of 2^-41, so that a sum
 * does not depend on the order of the additions, and "because" goes to the lower SKU when two such terms tie.
 */
export function referenceSql(exclude: number, verbatim = false): string {
  const L = RECOMMEND_LIMITS;
  const excluded = exclude
    ? `AND sku NOT IN (${Array.from({ length: exclude }, (_, i) => `$${3 + i}`).join(', ')})`
    : '';
  const term = verbatim ? 'n.similarity' : 'round(n.similarity * 2199023255552) / 2199023255552';
  const because = verbatim
    ? 'arg_max(s.sku, n.similarity)'
    : 'first(s.sku ORDER BY round(n.similarity * 2199023255552) DESC, s.sku)';
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
targets AS (SELECT DISTINCT customer_id FROM owned),
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
  SELECT s.customer_id, n.neighbour AS sku, sum(${term}) AS score,
         ${because} AS because_sku
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

import { PURCHASE } from '../metrics/index.js';
import { RECOMMEND_LIMITS } from '../metrics/recommendation-method.js';

/**
 * The steps of the item-to-item recommender (RECOMMEND_METHOD) as SQL over named relations, shared by the
 * statement for one customer (recommend-sql.ts) and the work tables for every customer (recommend-all.ts), so
 * that both follow one definition. SKUs are numbered `k` in SKU order, so ordering by `k` is ordering by SKU;
 * `c` is the customer key (the customer_id, or a number standing for it).
 *
 * A score is the sum of the customer's similarities to a SKU, each rounded to a multiple of 2^-41 (about
 * 4.5e-13): the sum of at most `itemsPerCustomer` of them is then an exact double whatever the order of the
 * additions, so equal scores are equal and ties go to the lower SKU, never to the order in which the engine
 * happened to add.
 */
const GRID = 2 ** 41;
const L = RECOMMEND_LIMITS;

/** Owned SKUs enter the scores with this weight, which no sum of similarities (each ≤ 1) can lift above 0. */
const OWNED_WEIGHT = -(L.itemsPerCustomer + 1);

/**
 * Purchase lines of identified customers with a SKU, dated up to the as-of date `$1`, less the SKUs to leave
 * out: parameters `$first` … `$(first + exclude − 1)`.
 */
export function purchasesWhere(first: number, exclude: number): string {
  const excluded = Array.from({ length: exclude }, (_, i) => `$${first + i}`);
  return `customer_id IS NOT NULL AND sku IS NOT NULL AND ${PURCHASE}
    AND ts < CAST($1 AS DATE) + INTERVAL 1 DAY${excluded.length ? ` AND sku NOT IN (${excluded.join(', ')})` : ''}`;
}

/** (sku, k): the SKUs bought, numbered from 1 in SKU order. */
export function skuIdsSql(where: string): string {
  return `SELECT sku, CAST(row_number() OVER (ORDER BY sku) AS INTEGER) AS k
FROM (SELECT DISTINCT sku FROM sales WHERE ${where})`;
}

/** (customer_id, k, last_ts): every SKU each customer bought, and when last. */
export function ownedSql(where: string, skus: string): string {
  return `SELECT customer_id, k, max(ts) AS last_ts FROM sales JOIN ${skus} USING (sku)
WHERE ${where} GROUP BY customer_id, k`;
}

/** True for each customer's most recently bought SKUs, the ones that count toward similarity and scores. */
export const RECENT = `row_number() OVER (PARTITION BY c ORDER BY last_ts DESC, k) <= ${L.itemsPerCustomer}`;

/** (c, k): the recent SKUs of the customers in `owned` (c, k, last_ts). */
export function recentSql(owned: string): string {
  return `SELECT c, k FROM ${owned} QUALIFY ${RECENT}`;
}

/** (k, n): how many customers have each SKU among their recent ones. */
export function buyersSql(recent: string): string {
  return `SELECT k, count(*) AS n FROM ${recent} GROUP BY k`;
}

/**
 * (a, b, co): how many customers of `recent` have both SKUs a and b among their recent ones, for a < b
 * (counts add up over groups of customers), or with `from` (SQL giving a set of k) for every a in it and b ≠ a.
 */
export function coBuyersSql(recent: string, o: { where?: string; from?: string } = {}): string {
  const pair = o.from ? `x.k <> y.k AND x.k IN (${o.from})` : 'x.k < y.k';
  return `SELECT x.k AS a, y.k AS b, count(*) AS co
FROM ${recent} x JOIN ${recent} y ON x.c = y.c AND ${pair}
WHERE ${o.where ?? 'true'} GROUP BY x.k, y.k`;
}

/** The pairs a < b of `pairs` in both orders, as coBuyersSql gives them with `from`. */
export function bothWaysSql(pairs: string): string {
  return `SELECT a, b, co FROM ${pairs} UNION ALL SELECT b, a, co FROM ${pairs}`;
}

/**
 * (k, neighbour, similarity, term): the nearest neighbours of each SKU a of `pairs` (a, b, co), which holds
 * every pair with a in both orders; `term` is the similarity as it enters scores.
 */
export function neighboursSql(pairs: string, buyers: string): string {
  return `SELECT p.a AS k, p.b AS neighbour,
       p.co / sqrt(CAST(na.n AS DOUBLE) * nb.n) AS similarity, round(similarity * ${GRID}) / ${GRID} AS term
FROM (${pairs}) p JOIN ${buyers} na ON na.k = p.a JOIN ${buyers} nb ON nb.k = p.b
WHERE p.co >= ${L.minCoBuyers}
QUALIFY row_number() OVER (PARTITION BY p.a ORDER BY similarity DESC, p.b) <= ${L.neighbours}`;
}

/** (k, popularity): the fallback SKUs, most bought in the last days up to `$1` first, then over all time. */
export function popularSql(owned: string, top: string): string {
  return `SELECT k, row_number() OVER (ORDER BY recent_buyers DESC, all_buyers DESC, k) AS popularity
FROM (SELECT k, count(*) FILTER (WHERE last_ts >= CAST($1 AS DATE) - INTERVAL ${L.popularDays - 1} DAY) AS recent_buyers,
             count(*) AS all_buyers
      FROM ${owned} GROUP BY k)
QUALIFY popularity <= ${top} + ${L.popularPool}`;
}

/**
 * The customers to score and their facts, as SELECTs of (c), (c, k) recent, (c, k) every SKU bought; `c` is a
 * whole number (below 2^31).
 */
export interface ScoringScope {
  targets: string;
  seeds: string;
  owned: string;
}

/**
 * How the engine orders (score, SKU) pairs as one integer: the score (or a term of it) in units of the grid,
 * then the lower SKU first. `span` is SQL for a number above every `k`; `type` holds score × span.
 */
export interface RankKey {
  span: string;
  type: 'BIGINT' | 'HUGEINT';
}

/** The narrowest rank key for SKU numbers below `span`. */
export function rankKey(span: number): RankKey {
  const widest = (L.itemsPerCustomer + 1) * GRID * span;
  return { span: String(span), type: widest < 2 ** 63 ? 'BIGINT' : 'HUGEINT' };
}

const keyOf = (score: string, k: string, key: RankKey): string =>
  `CAST(round(${score} * ${GRID}) AS ${key.type}) * ${key.span} + (${key.span} - 1 - ${k})`;

/**
 * (c, rank, k, score, source, because): the top `top` recommendations of each target customer. Candidates are
 * the neighbours of the customer's recent SKUs that the customer never bought, scored by the sum of their
 * terms; `because` is the recent SKU whose term is the largest; customers with fewer than `top` candidates
 * are filled up from `popular`. Ties go to the lower SKU.
 */
export function recommendationsSql(
  scope: ScoringScope,
  neighbours: string,
  popular: string,
  top: string,
  key: RankKey,
): string {
  return `WITH seeds AS (${scope.seeds}),
owned AS (${scope.owned}),
scored AS (
  SELECT ck // ${key.span} AS c, ck % ${key.span} AS k, sum(w) AS score FROM (
    SELECT CAST(s.c AS BIGINT) * ${key.span} + n.neighbour AS ck, n.term AS w FROM seeds s JOIN ${neighbours} n ON n.k = s.k
    UNION ALL SELECT CAST(c AS BIGINT) * ${key.span} + k, ${OWNED_WEIGHT} FROM owned)
  GROUP BY ck HAVING sum(w) > 0
),
best AS (SELECT c, max(${keyOf('score', 'k', key)}, ${top}) AS best FROM scored GROUP BY c),
picked AS MATERIALIZED (
  SELECT c, CAST(${key.span} - 1 - key % ${key.span} AS INTEGER) AS k, (key // ${key.span}) / ${GRID} AS score, rank
  FROM (SELECT c, unnest(best) AS key, generate_subscripts(best, 1) AS rank FROM best)
),
seeded AS MATERIALIZED (SELECT m.c, m.k, s.k AS seed FROM picked m JOIN seeds s ON s.c = m.c),
reasons AS (
  SELECT m.c, m.k, max(${keyOf('n.term', 'm.seed', key)}) AS bk
  FROM seeded m JOIN ${neighbours} n ON n.k = m.seed AND n.neighbour = m.k
  GROUP BY m.c, m.k
),
lacking AS (
  SELECT t.c, coalesce(len(b.best), 0) AS n FROM (${scope.targets}) t LEFT JOIN best b ON b.c = t.c
  WHERE coalesce(len(b.best), 0) < ${top}
),
filled AS (
  SELECT h.c, p.k, h.n + row_number() OVER (PARTITION BY h.c ORDER BY p.popularity) AS rank
  FROM lacking h CROSS JOIN ${popular} p
  WHERE NOT EXISTS (SELECT 1 FROM owned o WHERE o.c = h.c AND o.k = p.k)
    AND NOT EXISTS (SELECT 1 FROM picked m WHERE m.c = h.c AND m.k = p.k)
  QUALIFY rank <= ${top}
)
SELECT m.c, CAST(m.rank AS INTEGER) AS rank, m.k, m.score, 'similar' AS source,
       CAST(${key.span} - 1 - b.bk % ${key.span} AS INTEGER) AS because
FROM picked m JOIN reasons b ON b.c = m.c AND b.k = m.k
UNION ALL
SELECT c, CAST(rank AS INTEGER), k, NULL, 'popular', NULL FROM filled`;
}

/** The rows people read: SKUs by name, with the product's name and category. `result` has `customer_id`. */
export function labelledSql(result: string, skus: string): string {
  return `SELECT r.customer_id, r.rank, s.sku, p.name, p.category, r.score, r.source, b.sku AS because_sku
FROM ${result} r JOIN ${skus} s ON s.k = r.k LEFT JOIN ${skus} b ON b.k = r.because
LEFT JOIN products p ON p.sku = s.sku`;
}

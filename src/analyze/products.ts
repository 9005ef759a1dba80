import { DATA_VERSION_SQL } from '../db/content-version.js';
import { notePrecomputed, precomputedAt } from '../db/precomputed.js';
import type { Workspace } from '../db/workspace.js';
import { abcSql, cv12Sql, xyzSql, DEFAULT_ABC_XYZ, type AbcXyzOptions } from '../segments/abc-xyz.js';

/**
 * Per SKU over the 12 calendar months ending with the as-of month ($1): net revenue, quantity sold, months
 * with sales, ABC by revenue and XYZ by the coefficient of variation of monthly quantity (zero months
 * counted), and the catalogue's name and category. SKUs in `exclude` (postage, fees…) are left out.
 */
export function productsSql(o: AbcXyzOptions = DEFAULT_ABC_XYZ, excludeCount = 0): string {
  const excluded = excludeCount
    ? `AND s.sku NOT IN (${Array.from({ length: excludeCount }, (_, i) => `$${i + 2}`).join(', ')})`
    : '';
  return `WITH window_lines AS (
      SELECT s.sku, date_trunc('month', s.ts) AS month, s.amount, s.quantity
      FROM sales s
      WHERE s.sku IS NOT NULL ${excluded}
        AND s.ts < CAST($1 AS DATE) + INTERVAL 1 DAY
        AND s.ts >= date_trunc('month', CAST($1 AS DATE)) - INTERVAL 11 MONTH),
    monthly AS (
      SELECT sku, month, sum(amount) AS revenue, sum(coalesce(quantity, 0)) AS quantity FROM window_lines GROUP BY 1, 2),
    per_sku AS (
      SELECT sku, CAST(sum(revenue) AS DOUBLE) AS revenue, sum(quantity) AS quantity, count(*) FILTER (WHERE quantity > 0) AS months_sold,
        sum(quantity) AS q12, sum(quantity * quantity) AS qsq12
      FROM monthly GROUP BY sku)
    SELECT p.sku, pr.name, pr.category, p.revenue, p.quantity, p.months_sold,
      ${abcSql('p.revenue', o, '1', 'p.sku')} AS abc,
      ${cv12Sql('p.q12', 'p.qsq12')} AS cv,
      ${xyzSql('p.q12', 'p.qsq12', o)} AS xyz
    FROM per_sku p LEFT JOIN products pr ON pr.sku = p.sku
    ORDER BY p.revenue DESC, p.sku`;
}

/** The columns of the per-SKU table, in order. */
export const PRODUCT_COLUMNS = 'sku, name, category, revenue, quantity, months_sold, abc, cv, xyz';

/** The per-SKU table with each SKU's rank by revenue (1 = the highest; ties by SKU), in rank order. */
export function rankedProductsSql(excludeCount = 0): string {
  return `SELECT row_number() OVER (ORDER BY revenue DESC, sku) AS rank, *
    FROM (${productsSql(undefined, excludeCount)}) ORDER BY rank`;
}

const STORED_PRODUCTS = 'stored_products';
const NAME = 'products';

/**
 * Stores the ranked table at the as-of date for all SKUs (no exclusions) unless it is stored there for the same
 * data: on 100 M lines the products page would otherwise scan a year of sales on its first request.
 */
export async function storeProducts(ws: Workspace, asOf: string): Promise<void> {
  if (await precomputedAt(ws, NAME, asOf, DATA_VERSION_SQL)) return;
  await ws.run(`CREATE OR REPLACE TABLE ${STORED_PRODUCTS} AS ${rankedProductsSql()}`, [asOf]);
  await notePrecomputed(ws, NAME, asOf, DATA_VERSION_SQL);
}

/**
 * The ranked table at the date without the SKUs of \`exclude\`, in rank order: the stored one when it is at
 * that date, current and nothing is excluded, else computed from the sales.
 */
export async function rankedProducts(
  ws: Workspace,
  asOf: string,
  exclude: readonly string[],
): Promise<{ sql: string; params: string[] }> {
  if (exclude.length === 0 && (await precomputedAt(ws, NAME, asOf, DATA_VERSION_SQL)))
    return { sql: `SELECT * FROM ${STORED_PRODUCTS} ORDER BY rank`, params: [] };
  return { sql: rankedProductsSql(exclude.length), params: [asOf, ...exclude] };
}

export async function productsMatrix(ws: Workspace, sql: string, params: (string | number)[]) {
  return ws.all<{ abc: string; xyz: string | null; products: number; revenue: number }>(
    `SELECT abc, xyz, count(*) AS products, sum(revenue) AS revenue FROM (${sql}) GROUP BY ALL ORDER BY abc, xyz NULLS LAST`,
    params,
  );
}

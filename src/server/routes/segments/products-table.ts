import { rankedProducts } from '../../../analyze/index.js';
import { type Workspace, DATA_VERSION_SQL } from '../../../db/index.js';

const TABLE = 'cl_api_products';

/**
 * The per-SKU table of `clientele products` (12 months to the as-of date) with each SKU's revenue rank (the stored
 * one when current), copied once per (as-of date, excluded SKUs, workspace content) to a temp table on the API's
 * read connection, so the matrix, the Pareto curve and every page of the table read it.
 */
export class ProductsCache {
  private current: string | undefined;

  async at(ws: Workspace, asOf: string, exclude: readonly string[]): Promise<string> {
    const key = JSON.stringify([asOf, exclude, String(await ws.scalar(DATA_VERSION_SQL))]);
    if (this.current === key) return TABLE;
    const ranked = await rankedProducts(ws, asOf, exclude);
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${TABLE} AS ${ranked.sql}`, ranked.params);
    this.current = key;
    return TABLE;
  }
}

/**
 * The Pareto curve of a ranked products table: after the SKUs of rank ≤ k (by revenue), the share of all SKUs and
 * the cumulative share of positive revenue; about 200 points (every step-th rank, the first and the last).
 */
export function paretoSql(table: string): string {
  return `WITH r AS (
      SELECT rank, count(*) OVER () AS n,
        sum(greatest(revenue, 0)) OVER (ORDER BY rank ROWS UNBOUNDED PRECEDING) AS cum,
        sum(greatest(revenue, 0)) OVER () AS total
      FROM ${table})
    SELECT rank, rank / n AS sku_share, CASE WHEN total > 0 THEN cum / total END AS revenue_share
    FROM r WHERE rank = 1 OR rank = n OR rank % greatest(1, CAST(ceil(n / 200.0) AS BIGINT)) = 0
    ORDER BY rank`;
}

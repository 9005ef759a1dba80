import { recordRun } from '../db/runs.js';
import { precomputeAfterRecommend } from '../profile/precompute.js';
import { storedProfileAt } from '../profile/stored-profile.js';
import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import { resolveAsOf } from '../profile/as-of.js';
import { withRecommendations } from './recommend-all.js';
import { RECOMMEND_LIMITS } from '../metrics/recommendation-method.js';
import { recommendOneSql } from './recommend-sql.js';
import { PURCHASE } from '../metrics/index.js';

export interface RecommendOptions {
  asOf?: string;
  /** How many SKUs per customer (1–100). */
  top: number;
  /** SKUs that are not products (postage, fees…). */
  exclude?: readonly string[];
}

export interface Recommendation {
  customer_id: string;
  rank: number;
  sku: string;
  name: string | null;
  category: string | null;
  score: number | null;
  source: 'similar' | 'popular';
  because_sku: string | null;
}

export interface RecommendRun {
  as_of: string;
  top: number;
  customers: number;
  rows: number;
  /** Customers whose whole list comes from similar SKUs (no popular fill). */
  customers_fully_similar: number;
  /** The SKUs recommended to the most customers. */
  most_recommended: { sku: string; name: string | null; customers: number }[];
}

export function checkTop(top: number): number {
  if (!Number.isInteger(top) || top < 1 || top > RECOMMEND_LIMITS.most)
    throw new InputError(
      `${field('top')} must be a whole number from 1 to ${RECOMMEND_LIMITS.most}, not ${top}.`,
    );
  return top;
}

/** The next SKUs one customer is most likely to want (see RECOMMEND_METHOD). */
export async function recommendFor(
  ws: Workspace,
  customerId: string,
  o: RecommendOptions,
): Promise<{ as_of: string; customer_id: string; recommendations: Recommendation[] }> {
  const asOf = await resolveAsOf(ws, o.asOf);
  const top = checkTop(o.top);
  const bought = Number(
    await ws.scalar(
      `SELECT count(*) FROM sales WHERE customer_id = $1 AND ${PURCHASE} AND ts < CAST($2 AS DATE) + INTERVAL 1 DAY`,
      [customerId, asOf],
    ),
  );
  if (bought === 0)
    throw new InputError(
      `Customer ${customerId} has no purchase up to ${asOf}: there is nothing to base recommendations on.`,
    );
  const exclude = o.exclude ?? [];
  const rows = await ws.all<Recommendation>(recommendOneSql(exclude.length), [
    asOf,
    top,
    customerId,
    ...exclude,
  ]);
  return { as_of: asOf, customer_id: customerId, recommendations: rows };
}

/**
 * Recommendations for every customer with a purchase up to the as-of date, stored in `recommendations`
 * (replacing the previous run) so that the profile and the API can show them.
 */
export async function recommendAll(ws: Workspace, o: RecommendOptions): Promise<RecommendRun> {
  const started = Date.now();
  const asOf = await resolveAsOf(ws, o.asOf);
  const top = checkTop(o.top);
  const exclude = o.exclude ?? [];
  await withRecommendations(ws, asOf, top, exclude, (rows) =>
    ws.transaction(async () => {
      const profile = await storedProfileAt(ws, asOf);
      await ws.run(
        `CREATE OR REPLACE TABLE recommendations AS SELECT CAST($1 AS DATE) AS as_of, * FROM (${rows})`,
        [asOf],
      );
      await recordRun(ws, 'recommend', { as_of: asOf, top, exclude }, started);
      await precomputeAfterRecommend(ws, asOf, profile);
    }),
  );
  const totals = await ws.one<{ customers: number; rows: number; full: number }>(
    `SELECT count(DISTINCT customer_id) AS customers, count(*) AS rows,
            (SELECT count(*) FROM (SELECT customer_id FROM recommendations GROUP BY customer_id
              HAVING count(*) FILTER (WHERE source = 'similar') = $1)) AS full
     FROM recommendations`,
    [top],
  );
  const most = await ws.all<{ sku: string; name: string | null; customers: number }>(
    `SELECT sku, any_value(name) AS name, count(*) AS customers FROM recommendations
     GROUP BY sku ORDER BY customers DESC, sku LIMIT 10`,
  );
  return {
    as_of: asOf,
    top,
    customers: Number(totals?.customers ?? 0),
    rows: Number(totals?.rows ?? 0),
    customers_fully_similar: Number(totals?.full ?? 0),
    most_recommended: most.map((m) => ({ ...m, customers: Number(m.customers) })),
  };
}

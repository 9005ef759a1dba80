import { DATA_VERSION_SQL } from './content-version.js';
import { notePrecomputed, precomputedCurrent } from './precomputed.js';
import type { Workspace } from './workspace.js';

/** What the sales hold as a whole: what `status` reports, and the days of the first and latest identified sale. */
export interface SalesSummary {
  date_min: string | null;
  date_max: string | null;
  customers: number;
  anonymous_rows: number;
  returns_rows: number;
  /** YYYY-MM-DD of the first and the latest sale of an identified customer (null: none). */
  first: string | null;
  last: string | null;
}

const SALES_SUMMARY_SQL = `SELECT min(ts) AS date_min, max(ts) AS date_max, count(DISTINCT customer_id) AS customers,
    count(*) FILTER (WHERE customer_id IS NULL) AS anonymous_rows, count(*) FILTER (WHERE amount < 0) AS returns_rows,
    strftime(min(ts) FILTER (WHERE customer_id IS NOT NULL), '%Y-%m-%d') AS first,
    strftime(max(ts) FILTER (WHERE customer_id IS NOT NULL), '%Y-%m-%d') AS last
  FROM sales`;

const IDENTIFIED_RANGE_SQL = `SELECT strftime(min(ts), '%Y-%m-%d') AS first, strftime(max(ts), '%Y-%m-%d') AS last
  FROM sales WHERE customer_id IS NOT NULL`;

const NAME = 'sales_summary';

/**
 * Stores the summary (one scan of every sale: on 100 M lines, seconds that `status`, the as-of date of every
 * API request and the campaign pages would otherwise wait for) unless it is stored for the same data.
 */
export async function storeSalesSummary(ws: Workspace): Promise<void> {
  if (await precomputedCurrent(ws, NAME, DATA_VERSION_SQL)) return;
  const summary = (await ws.one<SalesSummary>(SALES_SUMMARY_SQL))!;
  // A workspace without identified sales has no as-of date; the note needs one.
  await notePrecomputed(ws, NAME, summary.last ?? '1970-01-01', DATA_VERSION_SQL, { ...summary });
}

/** The summary: stored when current, else computed from the sales. */
export async function salesSummary(ws: Workspace): Promise<SalesSummary> {
  const stored = await precomputedCurrent<SalesSummary & Record<string, unknown>>(ws, NAME, DATA_VERSION_SQL);
  return stored ?? (await ws.one<SalesSummary>(SALES_SUMMARY_SQL))!;
}

/** The days of the first and the latest sale of an identified customer (null when there is none). */
export async function identifiedSalesRange(
  ws: Workspace,
): Promise<{ first: string | null; last: string | null }> {
  const stored = await precomputedCurrent<SalesSummary & Record<string, unknown>>(ws, NAME, DATA_VERSION_SQL);
  if (stored) return { first: stored.first, last: stored.last };
  const range = await ws.one<{ first: string | null; last: string | null }>(IDENTIFIED_RANGE_SQL);
  return { first: range?.first ?? null, last: range?.last ?? null };
}

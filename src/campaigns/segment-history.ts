import type { Workspace } from '../db/workspace.js';
import { hasPredictions, hasSnapshot } from '../profile/profile.js';
import { addDays } from './calendar-days.js';
import { describeHistoryBasis } from './history-basis.js';
import { selectionSql, type CompiledSegment } from './segment-selection.js';
import { PURCHASE } from '../metrics/index.js';

/** How a segment behaved in a past window of the planned length. */
export interface SegmentHistory {
  /** The date at which the past members were selected. */
  selected_as_of: string;
  /** Outcome window: sales from `from` to `to`, both days included. */
  from: string;
  to: string;
  days: number;
  /** Which members and which window, in words. */
  basis: string;
  customers: number;
  /** Members with a purchase (a positive line) in the window. */
  converted: number;
  conversion_rate: number | null;
  /** Mean and sample standard deviation (divisor n − 1) of net revenue per member, zeros included. */
  revenue_mean: number | null;
  revenue_sd: number | null;
}

/**
 * The segment's own history for planning, as an honest backtest: the same rule applied `days` earlier (at the
 * latest snapshot on or before that date when it tests analysis columns) and what those members bought in the
 * following `days`, as if a campaign had started then with no one contacted. When the rule cannot be evaluated
 * in the past (no snapshot or predictions there, no sales yet), it falls back to the current members and their
 * last `days` before the as-of date, and says so: for a rule about recent inactivity that baseline is too low.
 */
export async function segmentHistory(
  ws: Workspace,
  segment: CompiledSegment,
  asOf: string,
  days: number,
): Promise<SegmentHistory> {
  const past = await pastSelection(ws, segment, addDays(asOf, -days));
  const now = {
    segments: await hasSnapshot(ws, asOf),
    predictions: await hasPredictions(ws, asOf),
  };
  const selected = past ?? { asOf, ...now };
  const from = past ? addDays(past.asOf, 1) : addDays(asOf, 1 - days);
  const to = addDays(from, days - 1);
  const selection = selectionSql(segment, selected.asOf, selected);
  const n = selection.params.length;
  const row = await ws.one<{ customers: number; converted: number; mean: number | null; sd: number | null }>(
    `WITH members AS (SELECT customer_id FROM (${selection.sql})),
     per AS (
       SELECT m.customer_id, CAST(coalesce(sum(s.amount), 0) AS DOUBLE) AS revenue,
              count(*) FILTER (WHERE s.${PURCHASE}) > 0 AS converted
       FROM members m LEFT JOIN sales s ON s.customer_id = m.customer_id
         AND s.ts >= CAST($${n + 1} AS TIMESTAMP) AND s.ts < CAST($${n + 2} AS TIMESTAMP) + INTERVAL 1 DAY
       GROUP BY m.customer_id)
     SELECT count(*) AS customers, count(*) FILTER (WHERE converted) AS converted,
            avg(revenue) AS mean, stddev_samp(revenue) AS sd FROM per`,
    [...selection.params, from, to],
  );
  const customers = row?.customers ?? 0;
  return {
    selected_as_of: selected.asOf,
    from,
    to,
    days,
    basis: describeHistoryBasis({ selected_as_of: selected.asOf, days }, asOf),
    customers,
    converted: row?.converted ?? 0,
    conversion_rate: customers > 0 ? (row?.converted ?? 0) / customers : null,
    revenue_mean: row?.mean ?? null,
    revenue_sd: row?.sd ?? null,
  };
}

async function pastSelection(
  ws: Workspace,
  segment: CompiledSegment,
  date: string,
): Promise<{ asOf: string; segments: boolean; predictions: boolean } | null> {
  const first = await ws.scalar(
    `SELECT strftime(min(ts), '%Y-%m-%d') FROM sales WHERE customer_id IS NOT NULL`,
  );
  if (typeof first !== 'string' || date < first) return null;
  let asOf = date;
  let segments = await hasSnapshot(ws, date);
  if (segment.needsSegments && !segments) {
    if (!(await ws.tableExists('snapshots'))) return null;
    const snapshot = await ws.scalar(
      `SELECT strftime(max(as_of), '%Y-%m-%d') FROM snapshots WHERE as_of <= CAST($1 AS DATE) AND as_of >= CAST($2 AS DATE)`,
      [date, first],
    );
    if (typeof snapshot !== 'string') return null;
    asOf = snapshot;
    segments = true;
  }
  const predictions = await hasPredictions(ws, asOf);
  if (segment.needsPredictions && !predictions) return null;
  return { asOf, segments, predictions };
}

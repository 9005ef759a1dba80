import { field, InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { isStage, STAGES } from '../segments/stages.js';
import { snapshotSource } from './cell-source.js';
import { MOVES } from './snapshot-cells.js';
import { findSnapshot } from './snapshot-lookup.js';

const COLUMNS = `c.customer_id, p.stage AS from_stage, c.stage AS to_stage, c.as_of,
  c.recency_days, c.orders, c.revenue, c.period_revenue, c.rhythm_days, c.expected_next_purchase, c.days_overdue,
  c.rfm_segment, c.abc, cu.name, cu.email, cu.phone, cu.region`;

const ORDER = 'ORDER BY c.revenue DESC, c.customer_id';

type Params = (string | number)[];

export interface TriggersQuery {
  from_month: string | null;
  to_month: string;
  /** The whole list, by revenue. */
  sql: string;
  params: Params;
  /** How many customers the list holds. */
  count: { sql: string; params: Params };
  /** One page of the list. */
  page(limit: number, offset: number): { sql: string; params: Params };
}

/**
 * The customers who moved from stage A at the previous snapshot (or at the earlier snapshot `from`) to stage B
 * at the given one (default: the last) — the list a CRM campaign starts from, with contact fields from the
 * customers file. From the previous snapshot, the stored moves (snapshot-cells.ts) give those who changed
 * stage without joining two snapshots of every customer, and a page is cut before the rest is joined.
 */
export async function triggersQuery(
  ws: Workspace,
  options: { fromStage: string; toStage: string; asOf?: string; from?: string },
): Promise<TriggersQuery> {
  for (const [flag, value] of [
    [field('fromStage'), options.fromStage],
    [field('toStage'), options.toStage],
  ] as const) {
    if (!isStage(value)) throw new InputError(`${flag} must be one of ${STAGES.join(', ')}; got "${value}".`);
  }
  const to = await findSnapshot(ws, options.asOf, field('asOf'));
  if (to.snapshot_id === 0)
    throw new InputError(`${to.month} is the first snapshot: there is no earlier month to move from.`);
  const from =
    options.from === undefined
      ? await ws.one<{ snapshot_id: number; month: string }>(
          `SELECT snapshot_id, month FROM snapshots WHERE snapshot_id = $1`,
          [to.snapshot_id - 1],
        )
      : await findSnapshot(ws, options.from, field('from'));
  if (from && from.snapshot_id >= to.snapshot_id)
    throw new InputError(`${field('from')} ${from.month} must be before ${to.month}.`);
  const fromId = from?.snapshot_id ?? to.snapshot_id - 1;
  const months = { from_month: from?.month ?? null, to_month: to.month };
  const src = await snapshotSource(ws);
  const cut = (limit: number, offset: number): string =>
    `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  if (src.cells && fromId === to.snapshot_id - 1) {
    const stages = [options.fromStage, options.toStage];
    const moves = `FROM ${MOVES} WHERE as_of = CAST($1 AS DATE) AND from_stage = $2 AND stage = $3`;
    if (options.fromStage !== options.toStage) {
      const list = (page: string): string => `SELECT ${COLUMNS.replace('p.stage', 'p.from_stage')}
        FROM (SELECT customer_id, from_stage ${moves} ${page}) p
        JOIN customer_snapshots c ON c.customer_id = p.customer_id AND c.snapshot_id = $4
        LEFT JOIN customers cu ON cu.customer_id = c.customer_id
        ${ORDER}`;
      const params = [to.as_of, ...stages, to.snapshot_id];
      return {
        ...months,
        sql: list(''),
        params,
        count: { sql: `SELECT count(*) ${moves}`, params: [to.as_of, ...stages] },
        page: (limit, offset) => ({
          sql: list(`ORDER BY revenue DESC, customer_id ${cut(limit, offset)}`),
          params,
        }),
      };
    }
    // Still in the stage: every customer there but those whose stage changed since the previous snapshot. A page
    // is cut reading the revenue alone; only its customers' rows are then read.
    const still = (page: string): string => `SELECT customer_id FROM customer_snapshots
      WHERE snapshot_id = $1 AND stage = $2
        AND customer_id NOT IN (SELECT customer_id FROM ${MOVES} WHERE as_of = CAST($3 AS DATE)) ${page}`;
    const list = (page: string): string => `SELECT ${COLUMNS.replace('p.stage', 'c.stage')}
      FROM customer_snapshots c LEFT JOIN customers cu ON cu.customer_id = c.customer_id
      WHERE c.snapshot_id = $1 AND c.customer_id IN (${still(page)})
      ${ORDER}`;
    const params = [to.snapshot_id, options.toStage, to.as_of];
    return {
      ...months,
      sql: list(''),
      params,
      count: {
        sql: `SELECT ${src.count} FROM ${src.from} WHERE snapshot_id = $1 AND from_stage = $2 AND stage = $2`,
        params: [to.snapshot_id, options.toStage],
      },
      page: (limit, offset) => ({
        sql: list(`ORDER BY revenue DESC, customer_id ${cut(limit, offset)}`),
        params,
      }),
    };
  }
  const sql = `SELECT ${COLUMNS}
      FROM customer_snapshots c
      JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = $4
      LEFT JOIN customers cu ON cu.customer_id = c.customer_id
      WHERE c.snapshot_id = $1 AND p.stage = $2 AND c.stage = $3
      ${ORDER}`;
  const params = [to.snapshot_id, options.fromStage, options.toStage, fromId];
  return {
    ...months,
    sql,
    params,
    count: { sql: `SELECT count(*) FROM (${sql})`, params },
    page: (limit, offset) => ({ sql: `${sql} ${cut(limit, offset)}`, params }),
  };
}

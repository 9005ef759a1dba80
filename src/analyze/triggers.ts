import { InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { isStage, STAGES } from '../segments/stages.js';
import { findSnapshot } from './snapshot-lookup.js';

/**
 * The customers who moved from stage A at the previous snapshot (or at the earlier snapshot `from`) to stage B
 * at the given one (default: the last) — the list a CRM campaign starts from, with contact fields from the
 * customers file.
 */
export async function triggersQuery(
  ws: Workspace,
  options: { fromStage: string; toStage: string; asOf?: string; from?: string },
): Promise<{ sql: string; params: (string | number)[]; from_month: string | null; to_month: string }> {
  for (const [flag, value] of [
    ['--from-stage', options.fromStage],
    ['--to-stage', options.toStage],
  ] as const) {
    if (!isStage(value)) throw new InputError(`${flag} must be one of ${STAGES.join(', ')}; got "${value}".`);
  }
  const to = await findSnapshot(ws, options.asOf, '--as-of');
  if (to.snapshot_id === 0)
    throw new InputError(`${to.month} is the first snapshot: there is no earlier month to move from.`);
  const from =
    options.from === undefined
      ? await ws.one<{ snapshot_id: number; month: string }>(
          `SELECT snapshot_id, month FROM snapshots WHERE snapshot_id = $1`,
          [to.snapshot_id - 1],
        )
      : await findSnapshot(ws, options.from, '--from');
  if (from && from.snapshot_id >= to.snapshot_id)
    throw new InputError(`--from ${from.month} must be before ${to.month}.`);
  return {
    from_month: from?.month ?? null,
    to_month: to.month,
    params: [to.snapshot_id, options.fromStage, options.toStage, from?.snapshot_id ?? to.snapshot_id - 1],
    sql: `SELECT c.customer_id, p.stage AS from_stage, c.stage AS to_stage, c.as_of,
        c.recency_days, c.orders, c.revenue, c.period_revenue, c.rhythm_days, c.expected_next_purchase, c.days_overdue,
        c.rfm_segment, c.abc, cu.name, cu.email, cu.phone, cu.region
      FROM customer_snapshots c
      JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = $4
      LEFT JOIN customers cu ON cu.customer_id = c.customer_id
      WHERE c.snapshot_id = $1 AND p.stage = $2 AND c.stage = $3
      ORDER BY c.revenue DESC, c.customer_id`,
  };
}

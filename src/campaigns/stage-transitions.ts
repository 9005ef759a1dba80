import type { Workspace } from '../db/workspace.js';
import { STAGES } from '../segments/stages.js';
import { holmAdjust, twoProportionTest, type TwoProportionTest } from '../stats/index.js';
import type { EvaluationWindow } from './evaluation-window.js';
import type { Campaign } from './find-campaign.js';
import { transitionsReason, type TransitionsGap } from './transitions-reason.js';

/** Of a group's members in stage `from` at selection, how many were in stage `to` after the window. */
export interface GroupMove {
  /** Members of the group in `from` at selection. */
  from_customers: number;
  /** Of them, those in `to` after the window. */
  customers: number;
  /** customers / from_customers. */
  share: number;
}

export interface StageMove {
  from: string;
  to: string;
  target: GroupMove;
  control: GroupMove;
  /** Two-proportion z-test of the target share against the control share. */
  test: TwoProportionTest;
  /** Holm-adjusted over all moves with a p-value. */
  p_value_holm: number | null;
}

export type StageTransitions =
  | {
      available: true;
      from: { as_of: string; basis: string };
      to: { snapshot_id: number; as_of: string; basis: string };
      moves: StageMove[];
    }
  | { available: false; gap: TransitionsGap; reason: string };

/**
 * Moves between lifecycle stages in target vs control: the stage each member had at the selection date (stored
 * with the member, or read from a snapshot at that date) against the stage in the first stored snapshot at or
 * after the window's last day (or, when the analysis does not reach that far, the latest snapshot after the
 * selection date — the result says which). For every move from → to, the share of each group's `from` members
 * that ended in `to`, with a two-proportion test and Holm's adjustment over the moves.
 */
export async function stageTransitions(
  ws: Workspace,
  campaign: Campaign,
  window: EvaluationWindow,
): Promise<StageTransitions> {
  if (!(await ws.tableExists('snapshots')) || !(await ws.tableExists('customer_snapshots'))) {
    return { available: false, gap: 'no_analysis', reason: transitionsReason('no_analysis', campaign.as_of) };
  }
  const stored = Number(
    await ws.scalar(`SELECT count(stage) FROM campaign_contacts WHERE campaign_id = $1`, [
      campaign.campaign_id,
    ]),
  );
  const atSelection = await ws.one<{ snapshot_id: number }>(
    `SELECT snapshot_id FROM snapshots WHERE as_of = CAST($1 AS DATE)`,
    [campaign.as_of],
  );
  if (stored === 0 && !atSelection) {
    const gap = 'no_stages_at_selection';
    return { available: false, gap, reason: transitionsReason(gap, campaign.as_of) };
  }
  const to = await afterSnapshot(ws, campaign.as_of, window.last_day);
  if (to === null) {
    const gap = 'no_snapshot_after';
    return { available: false, gap, reason: transitionsReason(gap, campaign.as_of) };
  }
  const fromStage = stored > 0 ? 'm.stage' : 'f.stage';
  const rows = await ws.all<{
    group: string;
    from_stage: string;
    to_stage: string | null;
    customers: number;
  }>(
    `SELECT m."group" AS "group", ${fromStage} AS from_stage, t.stage AS to_stage, count(*) AS customers
     FROM campaign_contacts m
     LEFT JOIN customer_snapshots f ON f.customer_id = m.customer_id AND f.snapshot_id = $2
     LEFT JOIN customer_snapshots t ON t.customer_id = m.customer_id AND t.snapshot_id = $3
     WHERE m.campaign_id = $1 AND ${fromStage} IS NOT NULL
     GROUP BY ALL`,
    [campaign.campaign_id, atSelection?.snapshot_id ?? -1, to.snapshot_id],
  );
  return {
    available: true,
    from: {
      as_of: campaign.as_of,
      basis: stored > 0 ? 'stage stored with each member at selection' : 'snapshot at the selection date',
    },
    to,
    moves: moves(rows),
  };
}

async function afterSnapshot(
  ws: Workspace,
  selection: string,
  lastDay: string,
): Promise<{ snapshot_id: number; as_of: string; basis: string } | null> {
  const first = await ws.one<{ snapshot_id: number; as_of: string }>(
    `SELECT snapshot_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM snapshots
     WHERE as_of >= CAST($1 AS DATE) ORDER BY as_of LIMIT 1`,
    [lastDay],
  );
  if (first) return { ...first, basis: "first snapshot at or after the window's last day" };
  const latest = await ws.one<{ snapshot_id: number; as_of: string }>(
    `SELECT snapshot_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM snapshots
     WHERE as_of > CAST($1 AS DATE) ORDER BY as_of DESC LIMIT 1`,
    [selection],
  );
  return latest
    ? {
        ...latest,
        basis: `latest snapshot, before the window's last day ${lastDay}: the window is not fully covered`,
      }
    : null;
}

function moves(
  rows: readonly { group: string; from_stage: string; to_stage: string | null; customers: number }[],
): StageMove[] {
  const count = new Map<string, number>();
  const fromTotal = new Map<string, number>();
  const pairs = new Set<string>();
  for (const r of rows) {
    const to = r.to_stage ?? '(not in snapshot)';
    count.set(key(r.group, r.from_stage, to), r.customers);
    fromTotal.set(key(r.group, r.from_stage), (fromTotal.get(key(r.group, r.from_stage)) ?? 0) + r.customers);
    pairs.add(key(r.from_stage, to));
  }
  const order = (stage: string): number => {
    const i = (STAGES as readonly string[]).indexOf(stage);
    return i < 0 ? STAGES.length : i;
  };
  const list: StageMove[] = [];
  for (const pair of pairs) {
    const [from, to] = pair.split('\u0000') as [string, string];
    const group = (g: string): GroupMove => {
      const total = fromTotal.get(key(g, from)) ?? 0;
      const moved = count.get(key(g, from, to)) ?? 0;
      return { from_customers: total, customers: moved, share: total === 0 ? 0 : moved / total };
    };
    const target = group('target');
    const control = group('control');
    if (target.from_customers === 0 || control.from_customers === 0) continue;
    const test = twoProportionTest(
      { successes: target.customers, trials: target.from_customers },
      { successes: control.customers, trials: control.from_customers },
    );
    list.push({ from, to, target, control, test, p_value_holm: null });
  }
  list.sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to) || a.to.localeCompare(b.to));
  const tested = list.filter((m) => m.test.pValue !== null);
  holmAdjust(tested.map((m) => m.test.pValue as number)).forEach((p, i) => {
    (tested[i] as StageMove).p_value_holm = p;
  });
  return list;
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

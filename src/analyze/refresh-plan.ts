import { salesVersionAt } from '../db/sales-version.js';
import type { Workspace } from '../db/workspace.js';

/** What the stored analysis keeps about each snapshot table and about the chain's last month end. */
export const ANALYSIS_TABLES = 'analysis_tables';
export const ANALYSIS_CHAIN = 'analysis_chain';

export interface StoredSnapshot {
  as_of: string;
  table_name: string;
  sales_version: string;
  options_key: string;
  customers: number;
}

/**
 * Which snapshots an analysis computes and which it keeps. A stored snapshot is kept when it was computed with
 * the same options and the sales lines up to its date are the same (salesVersionAt): a snapshot depends on
 * nothing else. The months are then computed from the stored state of the last month end when every snapshot
 * to compute comes after it and that state is still valid (an incremental refresh); otherwise from the first
 * sale (the earlier snapshots that are still valid are kept all the same).
 */
export interface RefreshPlan {
  kept: string[];
  computed: string[];
  /** The stored state the months continue from, or null: from the first month. */
  from: { asOf: string; table: string } | null;
  /** Why snapshots that were stored are computed again (for the summary). */
  reasons: string[];
}

export async function planRefresh(
  ws: Workspace,
  o: { dates: string[]; optionsKey: string; full: boolean },
): Promise<RefreshPlan> {
  const stored = new Map((await storedSnapshots(ws)).map((s) => [s.as_of, s]));
  if (o.full) {
    return {
      kept: [],
      computed: o.dates,
      from: null,
      reasons: stored.size ? ['--full: every snapshot computed again'] : [],
    };
  }
  const kept: string[] = [];
  const computed: string[] = [];
  let optionsChanged = false;
  const changedSales: string[] = [];
  for (const date of o.dates) {
    const s = stored.get(date);
    if (!s) {
      computed.push(date);
      continue;
    }
    const sameOptions = s.options_key === o.optionsKey;
    const sameSales = sameOptions && s.sales_version === (await salesVersionAt(ws, date));
    if (sameOptions && sameSales) kept.push(date);
    else {
      computed.push(date);
      if (!sameOptions) optionsChanged = true;
      else changedSales.push(date);
    }
  }
  const reasons: string[] = [];
  if (optionsChanged) reasons.push('the analysis options changed: every stored snapshot is computed again');
  if (changedSales.length) reasons.push(await changedSalesReason(ws, changedSales[0]!));
  const chain = await storedChain(ws);
  const state = chain ? stored.get(chain.state_as_of) : undefined;
  const continues =
    chain !== undefined &&
    state !== undefined &&
    chain.options_key === o.optionsKey &&
    chain.sales_version === (await salesVersionAt(ws, chain.state_as_of)) &&
    computed.every((d) => d > chain.state_as_of);
  return {
    kept,
    computed,
    from: continues ? { asOf: chain.state_as_of, table: state.table_name } : null,
    reasons,
  };
}

/** The stored snapshot tables that still exist. */
export async function storedSnapshots(ws: Workspace): Promise<StoredSnapshot[]> {
  if (!(await ws.tableExists(ANALYSIS_TABLES))) return [];
  return ws.all<StoredSnapshot>(
    `SELECT strftime(a.as_of, '%Y-%m-%d') AS as_of, a.table_name, a.sales_version, a.options_key, a.customers
     FROM ${ANALYSIS_TABLES} a JOIN duckdb_tables() t ON t.table_name = a.table_name AND NOT t.temporary
     ORDER BY a.as_of`,
  );
}

async function storedChain(
  ws: Workspace,
): Promise<{ state_as_of: string; sales_version: string; options_key: string } | undefined> {
  if (!(await ws.tableExists(ANALYSIS_CHAIN))) return undefined;
  return ws.one(
    `SELECT strftime(state_as_of, '%Y-%m-%d') AS state_as_of, sales_version, options_key FROM ${ANALYSIS_CHAIN}`,
  );
}

/** "load #5 (march.csv) added lines dated from 2025-06-14, on or before the snapshot of 2025-06-30". */
async function changedSalesReason(ws: Workspace, date: string): Promise<string> {
  const since = (await ws.tableExists('analyses'))
    ? await ws.scalar(`SELECT max(created_at) FROM analyses`)
    : null;
  const load = await ws.one<{ load_id: number; file: string; date_min: string }>(
    `SELECT load_id, file, strftime(date_min, '%Y-%m-%d') AS date_min FROM loads
     WHERE kind = 'sales' AND date_min < CAST($1 AS DATE) + INTERVAL 1 DAY ${since ? 'AND loaded_at > CAST($2 AS TIMESTAMP)' : ''}
     ORDER BY date_min LIMIT 1`,
    since ? [date, String(since)] : [date],
  );
  return load
    ? `load #${load.load_id} (${load.file}) added lines dated from ${load.date_min}, on or before the snapshot of ${date}: the snapshots from there on are computed again`
    : `the sales lines dated on or before ${date} changed since the last analysis: the snapshots from there on are computed again`;
}

import { dirname } from 'node:path';
import type { MemoryBudget } from './memory-budget.js';
import { linkedSource, type LinkedSource } from './linked-source.js';
import { salesSummary } from './sales-summary.js';
import type { Workspace } from './workspace.js';

/** What a workspace holds: the memory budget in use, rows per table, the date range of sales, the loads. */
export interface StatusReport {
  workspace: string;
  /** The memory budget in use and where the engine spills (memory-budget.ts). */
  memory: {
    budget_bytes: number;
    engine_bytes: number;
    source: MemoryBudget['source'];
    spill_folder: string;
    spill_limit_bytes: number;
  };
  tables: Record<string, number>;
  sales: {
    date_min: string | null;
    date_max: string | null;
    customers: number;
    anonymous_rows: number;
    returns_rows: number;
  };
  /** The ClickHouse table the sales live in, when the workspace is linked to one (else null). */
  linked: LinkedSource | null;
  loads: {
    load_id: number;
    kind: string;
    file: string;
    format: string;
    rows_read: number;
    rows_accepted: number;
    rows_rejected: number;
    loaded_at: string;
  }[];
}

export async function workspaceStatus(ws: Workspace): Promise<StatusReport> {
  const tables: Record<string, number> = {};
  for (const t of ['sales', 'customers', 'products', 'loads', 'rejects']) {
    tables[t] = Number(await ws.scalar(`SELECT count(*) FROM ${t}`));
  }
  const { date_min, date_max, customers, anonymous_rows, returns_rows } = await salesSummary(ws);
  const sales = { date_min, date_max, customers, anonymous_rows, returns_rows };
  const loads = await ws.all<StatusReport['loads'][number]>(
    `SELECT load_id, kind, file, format, rows_read, rows_accepted, rows_rejected, loaded_at FROM loads ORDER BY load_id`,
  );
  const memory = {
    budget_bytes: ws.budget.bytes,
    engine_bytes: ws.budget.engineBytes,
    source: ws.budget.source,
    spill_folder: dirname(ws.spill),
    spill_limit_bytes: ws.budget.spillBytes,
  };
  return { workspace: ws.path, memory, tables, sales, linked: await linkedSource(ws), loads };
}

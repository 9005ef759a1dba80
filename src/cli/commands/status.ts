import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { Workspace } from '../../db/workspace.js';
import type { MemoryBudget } from '../../db/memory-budget.js';
import { salesSummary } from '../../db/sales-summary.js';
import { formatBytes } from '../../util/bytes.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, json, table } from '../format.js';

export interface StatusReport {
  workspace: string;
  /** The memory budget in use and where the engine spills (db/memory-budget.ts). */
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
  return { workspace: ws.path, memory, tables, sales, loads };
}

const BUDGET_SOURCE: Record<MemoryBudget['source'], string> = {
  machine: "a third of this machine's memory",
  option: '--memory-limit',
  environment: 'CLIENTELE_MEMORY_LIMIT',
};

export function registerStatus(program: Command, ctx: Context): void {
  const cmd = program
    .command('status')
    .description('What the workspace holds: rows per table, the date range of sales, the loads so far')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(async (opts: { json?: boolean }, command: Command) => {
    const report = await ctx.withWorkspace(command, workspaceStatus, { readOnly: true });
    if (opts.json) return ctx.io.out(json(report));
    const t = report.tables;
    const m = report.memory;
    const lines = [
      `Workspace ${report.workspace}`,
      `  memory budget ${formatBytes(m.budget_bytes)} (${BUDGET_SOURCE[m.source]}; the engine holds up to ${formatBytes(m.engine_bytes)}), spills up to ${formatBytes(m.spill_limit_bytes)} to ${m.spill_folder}`,
      table(
        [
          [
            '  sales',
            fmtInt(t['sales']),
            report.sales.date_min ? `${report.sales.date_min} … ${report.sales.date_max}` : '',
            report.sales.customers
              ? `${fmtInt(report.sales.customers)} customers, ${fmtInt(report.sales.anonymous_rows)} anonymous lines`
              : '',
          ],
          ['  customers', fmtInt(t['customers']), '', ''],
          ['  products', fmtInt(t['products']), '', ''],
          ['  rejects', fmtInt(t['rejects']), '', ''],
        ],
        ['l', 'r', 'l', 'l'],
      ),
      report.loads.length ? 'Loads:' : 'No loads yet: `clientele ingest FILE` or `clientele demo`.',
      ...(report.loads.length
        ? [
            table(
              report.loads.map((l) => [
                `  #${l.load_id}`,
                l.loaded_at,
                l.kind,
                l.file,
                `read ${fmtInt(l.rows_read)}`,
                `accepted ${fmtInt(l.rows_accepted)}`,
                `rejected ${fmtInt(l.rows_rejected)}`,
              ]),
            ),
          ]
        : []),
    ];
    ctx.io.out(`${lines.join('\n')}\n`);
  });
}

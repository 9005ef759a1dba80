import type { Command } from 'commander';
import { type MemoryBudget, workspaceStatus } from '../../db/index.js';
import { formatBytes } from '../../util/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, json, table } from '../terminal-text.js';

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
      ...(report.linked
        ? [
            `Sales live in ${report.linked.source} (${fmtInt(report.linked.months)} months transferred; mapping ${Object.entries(
              report.linked.mapping,
            )
              .map(([k, v]) => `${k} ← ${v}`)
              .join(', ')})`,
          ]
        : []),
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

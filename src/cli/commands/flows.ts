import type { Command } from 'commander';
import { flows, flowsQuery } from '../../analyze/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt } from '../terminal-text.js';
import { answerTable, crosstab } from '../table-output.js';

export function registerFlows(program: Command, ctx: Context): void {
  const cmd = program
    .command('flows')
    .description(
      'Transition matrix between two snapshots (customers and their revenue), and the month-by-month series',
    )
    .option('--from <month>', 'earlier snapshot, YYYY-MM (default: the month before --to)')
    .option('--to <month>', 'later snapshot, YYYY-MM (default: the last)')
    .option('--by <dimension>', 'stage or rfm_segment', 'stage')
    .option(
      '--out <file>',
      'write the tidy table (from_month, to_month, from_stage, to_stage, customers, revenue)',
    )
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      opts: { from?: string; to?: string; by?: string; out?: string; json?: boolean },
      command: Command,
    ) => {
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const q = await flowsQuery(ws, opts);
          await answerTable(ctx, ws, opts, q, {
            json: () => flows(ws, opts),
            text: async () => {
              const f = await flows(ws, opts);
              const rows = f.matrix.map((r) => ({ ...r, from_stage: r.from_stage ?? '(entered)' }));
              return `Customers by ${f.by}: rows ${f.from}, columns ${f.to}\n${crosstab(rows, 'from_stage', 'to_stage', (r) => fmtInt(r['customers'] as number))}\n`;
            },
          });
        },
        { readOnly: true },
      );
    },
  );
}

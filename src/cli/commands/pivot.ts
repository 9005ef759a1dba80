import type { Command } from 'commander';
import { pivotQuery } from '../../analyze/index.js';
import { workspaceOption, type Context } from '../context.js';
import { table } from '../terminal-text.js';
import { answerTable, cell, crosstab } from '../table-output.js';

export function registerPivot(program: Command, ctx: Context): void {
  const cmd = program
    .command('pivot')
    .description('A pivot over the analysis: rows × columns of any dimensions, with measures and filters')
    .requiredOption(
      '--rows <dimension>',
      'as_of, cohort, stage, transition, rfm_segment, abc, xyz, category, region, channel',
    )
    .option('--cols <dimension>', 'a second dimension')
    .option(
      '--measure <measures...>',
      'count, active, revenue, orders, gross_revenue, avg_recency_days, avg_revenue (comma-separated)',
    )
    .option(
      '--filter <dim=value...>',
      'keep only these values, e.g. --filter cohort=2010-12 "transition=asleep->restored" (several values: a|b)',
    )
    .option('--out <file>', 'write the tidy table')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      opts: {
        rows: string;
        cols?: string;
        measure?: string[];
        filter?: string[];
        out?: string;
        json?: boolean;
      },
      command: Command,
    ) => {
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const q = await pivotQuery(ws, {
            rows: opts.rows,
            cols: opts.cols,
            measures: opts.measure,
            filters: opts.filter,
          });
          const rows = async (): Promise<Record<string, never>[]> => ws.all(q.sql, q.params);
          await answerTable(ctx, ws, opts, q, {
            json: async () => ({
              rows: opts.rows,
              cols: opts.cols ?? null,
              measures: q.columns.slice(opts.cols ? 2 : 1),
              cells: await rows(),
            }),
            text: async () => {
              const r = await rows();
              const measures = q.columns.slice(opts.cols ? 2 : 1);
              if (opts.cols && measures.length === 1)
                return `${crosstab(r, opts.rows, opts.cols, (x) => cell(x[measures[0]!]))}\n`;
              return `${table([q.columns, ...r.map((x) => q.columns.map((c) => cell(x[c])))])}\n`;
            },
          });
        },
        { readOnly: true },
      );
    },
  );
}

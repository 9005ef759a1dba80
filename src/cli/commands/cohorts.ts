import type { Command } from 'commander';
import {
  snapshotSource,
  cohorts,
  cohortsSql,
  cohortStagesSql,
  parseCohortMetric,
  requireAnalysis,
} from '../../analyze/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum } from '../terminal-text.js';
import { answerTable, crosstab } from '../table-output.js';

export function registerCohorts(program: Command, ctx: Context): void {
  const cmd = program
    .command('cohorts')
    .description(
      'Cohorts by month of first purchase × calendar month: customers, active, revenue, retention; and their stages',
    )
    .option('--metric <metric>', 'customers | active | revenue | retention', 'retention')
    .option('--stages', 'the stage structure of each cohort over time instead')
    .option('--out <file>', 'write the tidy table (cohort, month, customers, active, revenue, retention)')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (opts: { metric?: string; stages?: boolean; out?: string; json?: boolean }, command: Command) => {
      const metric = parseCohortMetric(opts.metric);
      await ctx.withWorkspace(
        command,
        async (ws) => {
          await requireAnalysis(ws);
          const src = await snapshotSource(ws);
          await answerTable(
            ctx,
            ws,
            opts,
            { sql: opts.stages ? cohortStagesSql(src) : cohortsSql(src), params: [] },
            {
              json: async () => ({ metric, ...(await cohorts(ws)) }),
              text: async () => {
                const c = await cohorts(ws);
                if (opts.stages) {
                  return `Customers by stage, cohort and month\n${crosstab(
                    c.stages.map((r) => ({ ...r, row: `${r.cohort} ${r.stage}` })),
                    'row',
                    'month',
                    (r) => fmtInt(r['customers'] as number),
                  )}\n`;
                }
                const fmt = (v: number): string =>
                  metric === 'retention'
                    ? `${fmtNum(v * 100, 1)}%`
                    : metric === 'revenue'
                      ? fmtNum(v, 0)
                      : fmtInt(v);
                return `Cohorts: ${metric} by month of first purchase (rows) and month (columns)\n${crosstab(c.cohorts, 'cohort', 'month', (r) => fmt(r[metric] as number))}\n`;
              },
            },
          );
        },
        { readOnly: true },
      );
    },
  );
}

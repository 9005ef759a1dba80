import type { Command } from 'commander';
import { triggersQuery } from '../../analyze/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, table } from '../terminal-text.js';
import { answerTable, cell } from '../table-output.js';

export function registerTriggers(program: Command, ctx: Context): void {
  const cmd = program
    .command('triggers')
    .description(
      'Customers who moved from one stage to another in the last month: the list a CRM campaign starts from',
    )
    .requiredOption('--from-stage <stage>', 'stage at the previous snapshot')
    .requiredOption('--to-stage <stage>', 'stage at the snapshot')
    .option('--as-of <date>', 'snapshot date or month (default: the last)')
    .option('--out <file>', 'write the list to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      opts: { fromStage: string; toStage: string; asOf?: string; out?: string; json?: boolean },
      command: Command,
    ) => {
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const q = await triggersQuery(ws, opts);
          const rows = async (): Promise<Record<string, unknown>[]> => ws.all(q.sql, q.params);
          await answerTable(ctx, ws, opts, q, {
            json: async () => ({
              from_month: q.from_month,
              to_month: q.to_month,
              from_stage: opts.fromStage,
              to_stage: opts.toStage,
              customers: await rows(),
            }),
            text: async () => {
              const r = await rows();
              const shown = r.slice(0, 30);
              return `${fmtInt(r.length)} customers moved ${opts.fromStage} → ${opts.toStage} between ${q.from_month} and ${q.to_month}\n${
                r.length
                  ? table([
                      ['customer', 'orders', 'revenue', 'revenue this month', 'rhythm days', 'RFM'],
                      ...shown.map((x) => [
                        String(x['customer_id']),
                        cell(x['orders'] as number),
                        cell(x['revenue'] as number),
                        cell(x['period_revenue'] as number),
                        cell(x['rhythm_days'] as number),
                        String(x['rfm_segment']),
                      ]),
                    ])
                  : ''
              }${r.length > shown.length ? `\n… ${fmtInt(r.length - shown.length)} more: write them all with --out list.csv` : ''}\n`;
            },
          });
        },
        { readOnly: true },
      );
    },
  );
}

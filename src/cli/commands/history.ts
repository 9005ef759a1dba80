import type { Command } from 'commander';
import { customerHistory, historySql } from '../../analyze/index.js';
import { workspaceOption, type Context } from '../context.js';
import { answerTable, cell } from '../table-output.js';
import { table } from '../terminal-text.js';

export function registerHistory(program: Command, ctx: Context): void {
  const cmd = program
    .command('history')
    .description("One customer's metrics, RFM, stage and ABC/XYZ at every snapshot")
    .argument('<customer_id>', 'the customer identifier, as in the sales file')
    .option('--out <file>', 'write the history to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (customerId: string, opts: { out?: string; json?: boolean }, command: Command) => {
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const rows = await customerHistory(ws, customerId);
          await answerTable(
            ctx,
            ws,
            opts,
            { sql: await historySql(ws), params: [customerId] },
            {
              json: async () => ({ customer_id: customerId, history: rows }),
              text: async () =>
                `Customer ${customerId}\n${table(
                  [
                    [
                      'month',
                      'stage',
                      'days in stage',
                      'RFM',
                      'segment',
                      'ABC/XYZ',
                      'orders',
                      'revenue',
                      'recency',
                      'rhythm',
                    ],
                    ...rows.map((r) => [
                      cell(r['month'] as string),
                      cell(r['stage'] as string),
                      cell(r['days_in_stage'] as number),
                      `${cell(r['r_score'] as number)}${cell(r['f_score'] as number)}${cell(r['m_score'] as number)}`,
                      cell(r['rfm_segment'] as string),
                      `${cell(r['abc'] as string)}${r['xyz'] ? String(r['xyz']) : ''}`,
                      cell(r['orders'] as number),
                      cell(r['revenue'] as number),
                      cell(r['recency_days'] as number),
                      cell(r['rhythm_days'] as number),
                    ]),
                  ],
                  ['l', 'l', 'r', 'l', 'l', 'l', 'r', 'r', 'r', 'r'],
                )}\n`,
            },
          );
        },
        { readOnly: true },
      );
    },
  );
}

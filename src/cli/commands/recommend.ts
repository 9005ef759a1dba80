import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import {
  RECOMMEND_METHOD,
  recommendOneSql,
  recommendAll,
  recommendFor,
  type RecommendRun,
} from '../../recommend/index.js';
import { withQueryProgress } from '../../util/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum, table } from '../terminal-text.js';
import { commandProgress } from '../progress.js';
import { answerTable } from '../table-output.js';

export function registerRecommend(program: Command, ctx: Context): void {
  const cmd = program
    .command('recommend')
    .argument('[customer_id]', 'one customer (default: every customer, stored for the profile)')
    .description(
      'The next SKUs each customer is most likely to want: item-to-item co-occurrence, popular SKUs as the fallback',
    )
    .option('--as-of <date>', 'from the purchases up to this date, YYYY-MM-DD (default: the latest sale)')
    .option('--top <n>', 'SKUs per customer, 1–100', '5')
    .option('--exclude <skus>', 'SKUs that are not products (postage, fees…), comma-separated')
    .option('--out <file>', 'write one row per customer and rank to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      customerId: string | undefined,
      opts: { asOf?: string; top: string; exclude?: string; out?: string; json?: boolean },
      command: Command,
    ) => {
      if (!/^\d+$/.test(opts.top.trim()))
        throw new InputError(`--top must be a whole number; got "${opts.top}".`);
      const exclude = (opts.exclude ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const options = { asOf: opts.asOf, top: Number(opts.top), exclude };
      if (customerId !== undefined) {
        await ctx.withWorkspace(
          command,
          async (ws) => {
            const r = await recommendFor(ws, customerId, options);
            await answerTable(
              ctx,
              ws,
              opts,
              {
                sql: recommendOneSql(exclude.length),
                params: [r.as_of, options.top, customerId, ...exclude],
              },
              {
                json: async () => ({ ...r, method: RECOMMEND_METHOD.en }),
                text: async () =>
                  `Recommendations for customer ${customerId} as of ${r.as_of}\n${table(
                    [
                      ['#', 'SKU', 'Name', 'Score', 'Because of'],
                      ...r.recommendations.map((x) => [
                        String(x.rank),
                        x.sku,
                        x.name ?? '',
                        x.score === null ? 'popular' : fmtNum(x.score, 3),
                        x.because_sku ?? '',
                      ]),
                    ],
                    ['r', 'l', 'l', 'r', 'l'],
                  )}\n`,
              },
            );
          },
          { readOnly: true },
        );
        return;
      }
      const progress = commandProgress(ctx, opts);
      await ctx.withWorkspace(command, async (ws) => {
        const run = await withQueryProgress(ws, 'recommending', progress.listener, () =>
          recommendAll(ws, options),
        ).finally(() => progress.end());
        await answerTable(
          ctx,
          ws,
          opts,
          { sql: `SELECT * FROM recommendations ORDER BY customer_id, rank`, params: [] },
          { json: async () => ({ ...run, method: RECOMMEND_METHOD.en }), text: async () => describeRun(run) },
        );
      });
    },
  );
}

function describeRun(r: RecommendRun): string {
  return `Recommendations as of ${r.as_of}: top ${r.top} SKUs for ${fmtInt(r.customers)} customers
  ${fmtInt(r.customers_fully_similar)} customers get all ${r.top} from similar SKUs; the rest are filled with popular ones
Recommended to the most customers:
${table(
  r.most_recommended.map((m) => [m.sku, m.name ?? '', fmtInt(m.customers)]),
  ['l', 'l', 'r'],
)}
The profile now includes recommended_skus; write every row with --out recommendations.csv.
`;
}

import type { Command } from 'commander';
import { PRODUCT_COLUMNS, productsMatrix, rankedProducts } from '../../analyze/index.js';
import { resolveAsOf } from '../../profile/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum, table } from '../terminal-text.js';
import { answerTable } from '../table-output.js';

export function registerProducts(program: Command, ctx: Context): void {
  const cmd = program
    .command('products')
    .description(
      'Per SKU over the last 12 months: revenue, quantity, ABC, coefficient of variation, XYZ, category',
    )
    .option('--as-of <date>', 'end of the 12 months, YYYY-MM-DD (default: the latest sale)')
    .option('--exclude <skus>', 'SKUs that are not products (postage, fees…), comma-separated')
    .option('--out <file>', 'write one row per SKU')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (opts: { asOf?: string; exclude?: string; out?: string; json?: boolean }, command: Command) => {
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const asOf = await resolveAsOf(ws, opts.asOf);
          const exclude = (opts.exclude ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const ranked = await rankedProducts(ws, asOf, exclude);
          const sql = `SELECT ${PRODUCT_COLUMNS} FROM (${ranked.sql}) ORDER BY rank`;
          const params = ranked.params;
          await answerTable(
            ctx,
            ws,
            opts,
            { sql, params },
            {
              json: async () => ({
                as_of: asOf,
                excluded: exclude,
                matrix: await productsMatrix(ws, sql, params),
                products: await ws.all(sql, params),
              }),
              text: async () => {
                const m = await productsMatrix(ws, sql, params);
                const top = await ws.all<Record<string, string | number | null>>(`${sql} LIMIT 10`, params);
                return `Products, 12 months to ${asOf}: ABC × XYZ (products / revenue)\n${table(
                  [
                    ['', 'X', 'Y', 'Z', '—'],
                    ...['A', 'B', 'C'].map((a) => [
                      a,
                      ...['X', 'Y', 'Z', null].map((x) => {
                        const c = m.find((r) => r.abc === a && r.xyz === x);
                        return c ? `${fmtInt(c.products)} / ${fmtNum(c.revenue, 0)}` : '0';
                      }),
                    ]),
                  ],
                  ['l', 'r', 'r', 'r', 'r'],
                )}\nTop 10 by revenue:\n${table(
                  top.map((r) => [
                    String(r['sku']),
                    String(r['name'] ?? ''),
                    fmtNum(r['revenue'] as number, 0),
                    `${r['abc']}${r['xyz'] ?? ''}`,
                  ]),
                  ['l', 'l', 'r', 'l'],
                )}\n`;
              },
            },
          );
        },
        { readOnly: true },
      );
    },
  );
}

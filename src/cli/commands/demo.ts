import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { generateDemo, type DemoResult } from '../../demo/index.js';
import type { Context } from '../context.js';
import { fmtInt, json } from '../terminal-text.js';
import { commandProgress } from '../progress.js';

export const DEFAULT_DEMO_CUSTOMERS = 20_000;

export function registerDemo(program: Command, ctx: Context): void {
  program
    .command('demo')
    .description('Write a synthetic retailer (sales, customers, products and the true behaviour behind them)')
    .option(
      '--customers <n>',
      'identified customers (about ten sales lines each)',
      String(DEFAULT_DEMO_CUSTOMERS),
    )
    .option('--seed <s>', 'random seed: the same seed writes the same files', '1')
    .option('--out <dir>', 'folder to write into', 'demo')
    .option('--format <format>', 'csv or parquet', 'csv')
    .option(
      '--split-at <date>',
      'write the sales in two files: the lines dated before this first of a month, and the rest (to load later)',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (opts: {
        customers: string;
        seed: string;
        out: string;
        format: string;
        splitAt?: string;
        json?: boolean;
      }) => {
        const customers = wholeNumber(opts.customers, '--customers');
        const seed = wholeNumber(opts.seed, '--seed');
        if (opts.format !== 'csv' && opts.format !== 'parquet')
          throw new InputError(`--format must be csv or parquet; got "${opts.format}".`);
        const progress = commandProgress(ctx, opts);
        const result = await generateDemo({
          customers,
          seed,
          outDir: opts.out,
          format: opts.format,
          ...(opts.splitAt === undefined ? {} : { splitAt: opts.splitAt }),
          onProgress: (done, total) =>
            progress.listener?.({ phase: 'writing', done, total, unit: 'customers' }),
        }).finally(() => progress.end());
        ctx.io.out(opts.json ? json(result) : describeDemo(result));
      },
    );
}

export function wholeNumber(text: string, flag: string): number {
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InputError(`${flag} must be a whole number; got "${text}".`);
  return n;
}

export function describeDemo(r: DemoResult): string {
  const split = r.split
    ? `  sales split at ${r.split.at}: ${fmtInt(r.split.before.lines)} lines dated ${r.split.before.first_day} … ${r.split.before.last_day} in ${r.split.before.file},
  ${fmtInt(r.split.from.lines)} lines dated ${r.split.from.first_day} … ${r.split.from.last_day} in ${r.split.from.file}
`
    : '';
  const later = r.split ? `Then, for an incremental refresh: clientele ingest ${r.split.from.file}\n` : '';
  return `Demo retailer (seed ${r.seed}, ${r.start} … ${r.end}) written to ${r.outDir}:
  ${Object.entries(r.files)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n  ')}
  ${fmtInt(r.counts.salesLines)} sales lines, ${fmtInt(r.counts.products)} products
${split}Load it with: clientele ingest ${r.files.sales} && clientele ingest ${r.files.customers} && clientele ingest ${r.files.products}
${later}`;
}

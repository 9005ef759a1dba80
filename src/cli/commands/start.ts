import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { recommendAll } from '../../recommend/index.js';
import { analyze } from '../../analyze/index.js';
import { generateDemo } from '../../demo/index.js';
import { errorMessage, isInputError } from '../../errors.js';
import { ingestFile } from '../../ingest/index.js';
import { PREDICT_DEFAULTS, predictWithHistory } from '../../predict/index.js';
import { runProfile } from '../../profile/index.js';
import { withQueryProgress } from '../../util/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum } from '../terminal-text.js';
import { commandProgress } from '../progress.js';
import { describeAnalysis } from './analyze.js';
import { DEFAULT_DEMO_CUSTOMERS, wholeNumber } from './demo.js';
import { describeProfile } from './profile.js';
import { serve, untilSignal } from './serve.js';
import { InputError } from '../../errors.js';

/**
 * `npm start`: on an empty workspace, writes the demo retailer next to it and loads it; then analyzes the
 * workspace, predicts (at the latest sale and at every snapshot, default options), prints what a marketer sees
 * first, and serves the web app (unless --no-serve).
 */
export function registerStart(program: Command, ctx: Context): void {
  const cmd = program
    .command('start')
    .description(
      'Demo data if the workspace is empty, then the analysis, the predictions, a summary, and the web app',
    )
    .option('--customers <n>', 'demo customers when the workspace is empty', String(DEFAULT_DEMO_CUSTOMERS))
    .option('--port <port>', 'port of the web app', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-serve', 'stop after the summary');
  workspaceOption(cmd).action(
    async (opts: { customers: string; port: string; host: string; serve: boolean }, command: Command) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new InputError(`--port must be a number from 0 to 65535; got "${opts.port}".`);
      const customers = wholeNumber(opts.customers, '--customers');
      const path = ctx.workspacePath(command);
      const progress = commandProgress(ctx);
      const say = (text: string): void => {
        progress.end();
        ctx.io.out(text);
      };
      await ctx
        .withWorkspace(command, async (ws) => {
          const sales = Number(await ws.scalar(`SELECT count(*) FROM sales`));
          if (sales === 0) {
            const outDir = join(dirname(resolve(path)), 'demo');
            say(
              `The workspace ${path} is empty: writing a demo retailer with ${customers.toLocaleString('en')} customers to ${outDir}\n`,
            );
            const demo = await generateDemo({
              customers,
              seed: 1,
              outDir,
              format: 'csv',
              onProgress: (done, total) =>
                progress.listener?.({ phase: 'demo', done, total, unit: 'customers' }),
            });
            for (const file of [demo.files.sales, demo.files.customers, demo.files.products]) {
              const r = await ingestFile(ws, file, { onProgress: progress.listener });
              say(`Loaded ${r.kind}: ${r.rows_accepted.toLocaleString('en')} rows from ${file}\n`);
            }
          }
          const analysis = await withQueryProgress(ws, 'analyzing', progress.listener, () => analyze(ws));
          say(`\n${describeAnalysis(analysis)}\n`);
          try {
            const r = await predictWithHistory(ws, PREDICT_DEFAULTS, progress.listener);
            say(
              `Predictions as of ${r.as_of} (${r.model}, next ${r.horizon} ${r.unit}s): CLV ${fmtNum(r.totals.clv, 0)} in total, ${fmtNum(r.totals.expected_purchases, 0)} expected purchases; churn risk above 50 % for ${fmtInt(r.churn_risk_over_half)} of ${fmtInt(r.customers)} customers; CLV history at ${fmtInt(r.snapshots_predicted ?? 0)} snapshots.\n\n`,
            );
          } catch (error) {
            if (!isInputError(error)) throw error;
            say(`No predictions: ${errorMessage(error)}\n\n`);
          }
          const recs = await withQueryProgress(ws, 'recommending', progress.listener, () =>
            recommendAll(ws, { top: 5 }),
          );
          say(
            `Recommendations: the next ${recs.top} products for ${fmtInt(recs.customers)} customers (clientele recommend).\n\n`,
          );
          const profile = await withQueryProgress(ws, 'profiling', progress.listener, () =>
            runProfile(ws, {}),
          );
          say(describeProfile(profile));
        })
        .finally(() => progress.end());
      if (opts.serve) {
        ctx.io.out('\n');
        await serve({ workspacePath: path, port, host: opts.host }, ctx.io, untilSignal());
      }
    },
  );
}

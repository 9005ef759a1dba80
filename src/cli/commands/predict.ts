import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import {
  predict,
  type PredictReport,
  predictSnapshots,
  PredictionWork,
  parseModel,
  PURCHASE_MODELS,
  type PurchaseModelName,
  HORIZON_MAX,
  PREDICT_DEFAULTS,
  parseUnit,
} from '../../predict/index.js';
import { requireAnalysis } from '../../analyze/index.js';
import { withQueryProgress } from '../../util/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum } from '../terminal-text.js';
import { commandProgress } from '../progress.js';
import { answerTable } from '../table-output.js';

export function registerPredict(program: Command, ctx: Context): void {
  const cmd = program
    .command('predict')
    .description(
      'Expected purchases, P(alive), churn risk, expected spend, CLV and next purchase date of every customer',
    )
    .option('--as-of <date>', 'predict from this date, YYYY-MM-DD (default: the latest sale)')
    .option('--model <model>', 'bgnbd | pnbd | mbgnbd', PREDICT_DEFAULTS.model)
    .option('--horizon <n>', 'horizon length, in --unit', String(PREDICT_DEFAULTS.horizon))
    .option('--unit <unit>', 'day | week | month', PREDICT_DEFAULTS.unit)
    .option(
      '--discount-rate <r>',
      'discount rate per --unit period, e.g. 0.01 a month',
      String(PREDICT_DEFAULTS.discountRate),
    )
    .option(
      '--margin <m>',
      'share of revenue kept as profit, from 0 to 1 (1 = revenue CLV)',
      String(PREDICT_DEFAULTS.margin),
    )
    .option(
      '--snapshots',
      'also predict at every snapshot of the analysis (each fitted on its own past), for the CLV history; snapshots whose stored predictions are still valid are kept',
    )
    .option('--full', 'with --snapshots: recompute every snapshot, also those that could be kept')
    .option('--out <file>', 'write one row per customer to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      opts: {
        asOf?: string;
        model: string;
        horizon: string;
        unit: string;
        discountRate: string;
        margin: string;
        snapshots?: boolean;
        full?: boolean;
        out?: string;
        json?: boolean;
      },
      command: Command,
    ) => {
      const model = parseModel(opts.model);
      if (!(PURCHASE_MODELS as readonly string[]).includes(model))
        throw new InputError(`--model must be one of ${PURCHASE_MODELS.join(', ')}.`);
      const horizon = Number(opts.horizon);
      if (!Number.isInteger(horizon) || horizon < 1 || horizon > HORIZON_MAX)
        throw new InputError(
          `--horizon must be a whole number from 1 to ${HORIZON_MAX}; got "${opts.horizon}".`,
        );
      const discountRate = Number(opts.discountRate);
      if (!Number.isFinite(discountRate) || discountRate < 0 || discountRate >= 1)
        throw new InputError(
          `--discount-rate must be a number from 0 to below 1; got "${opts.discountRate}".`,
        );
      const margin = Number(opts.margin);
      if (!Number.isFinite(margin) || margin < 0 || margin > 1)
        throw new InputError(`--margin must be a number from 0 to 1; got "${opts.margin}".`);
      const unit = parseUnit(opts.unit, '--unit', PREDICT_DEFAULTS.unit);
      const progress = commandProgress(ctx, opts);
      await ctx.withWorkspace(command, async (ws) => {
        const options = { model: model as PurchaseModelName, horizon, unit, discountRate, margin };
        if (opts.full && !opts.snapshots) throw new InputError('--full goes with --snapshots.');
        if (opts.snapshots) await requireAnalysis(ws);
        const work = await PredictionWork.open(ws);
        let report: PredictReport;
        try {
          report = await withQueryProgress(ws, 'fitting', progress.listener, () =>
            predict(ws, { ...options, asOf: opts.asOf }, work),
          );
          if (opts.snapshots) {
            const s = await predictSnapshots(ws, options, progress.listener, {
              work,
              full: opts.full === true,
            });
            report.snapshots_predicted = s.predicted;
            report.snapshots_computed = s.computed;
            report.snapshots_kept = s.kept;
          }
        } finally {
          progress.end();
          await work.close();
        }
        await answerTable(
          ctx,
          ws,
          opts,
          { sql: `SELECT * FROM predictions ORDER BY clv DESC, customer_id`, params: [] },
          {
            json: async () => report,
            text: async () => describePredict(report),
          },
        );
      });
    },
  );
}

function describePredict(r: PredictReport): string {
  return `Predictions as of ${r.as_of} for ${fmtInt(r.customers)} customers, next ${r.horizon} ${r.unit}s
  model ${r.model}: ${Object.entries(r.params)
    .map(([k, v]) => `${k} ${fmtNum(v, 4)}`)
    .join(', ')} (log-likelihood ${fmtNum(r.loglik, 1)})
  spend: ${Object.entries(r.spend_params)
    .map(([k, v]) => `${k} ${fmtNum(v, 4)}`)
    .join(', ')}
  expected purchases ${fmtNum(r.totals.expected_purchases, 0)} · CLV ${fmtNum(r.totals.clv, 0)} (margin ${r.margin}, discount ${r.discount_rate} per ${r.unit})
  expected customers still alive ${fmtNum(r.totals.expected_alive, 0)}; churn risk above 50 %: ${fmtInt(r.churn_risk_over_half)}
${
  r.snapshots_computed === undefined
    ? ''
    : `  snapshots: ${fmtInt(r.snapshots_computed.length)} computed, ${fmtInt(r.snapshots_kept?.length ?? 0)} kept (stored predictions still valid); ${fmtInt(r.snapshots_predicted ?? 0)} with predictions\n`
}Write every customer with --out predictions.csv; the profile now includes these columns.
`;
}

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import {
  fitModel,
  type ModelFitReport,
  parseModel,
  PURCHASE_MODELS,
  type PurchaseModelName,
  parseUnit,
  validateModel,
  type ValidationReport,
} from '../../predict/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum, json, table } from '../terminal-text.js';

export function registerModel(program: Command, ctx: Context): void {
  const model = program
    .command('model')
    .description('Fit and validate the purchase and spend models (BG/NBD, Pareto/NBD, MBG/NBD, Gamma-Gamma)');
  const fit = model
    .command('fit')
    .description('Fit a model by maximum likelihood on the transactions up to the calibration end')
    .option('--model <model>', 'bgnbd | pnbd | mbgnbd | gg', 'bgnbd')
    .option(
      '--calibration-end <date>',
      'last day of the calibration period, YYYY-MM-DD (default: the latest sale)',
    )
    .option('--time-unit <unit>', 'day | week | month: the unit of t_x, T and of alpha/beta', 'week')
    .option('--json', 'print as JSON');
  workspaceOption(fit).action(
    async (
      opts: { model: string; calibrationEnd?: string; timeUnit: string; json?: boolean },
      command: Command,
    ) => {
      const name = parseModel(opts.model);
      const unit = parseUnit(opts.timeUnit, '--time-unit', 'week');
      const report = await ctx.withWorkspace(command, (ws) =>
        fitModel(ws, { model: name, calibrationEnd: opts.calibrationEnd, unit }),
      );
      ctx.io.out(opts.json ? json(report) : describeFit(report));
    },
  );
  const validate = model
    .command('validate')
    .description('Fit on a calibration period and compare predicted with actual purchases in the holdout')
    .option('--model <model>', 'bgnbd | pnbd | mbgnbd', 'bgnbd')
    .requiredOption('--calibration-end <date>', 'last day of the calibration period, YYYY-MM-DD')
    .requiredOption('--holdout-end <date>', 'last day of the holdout period, YYYY-MM-DD')
    .option('--time-unit <unit>', 'day | week | month', 'week')
    .option('--json', 'print as JSON');
  workspaceOption(validate).action(
    async (
      opts: { model: string; calibrationEnd: string; holdoutEnd: string; timeUnit: string; json?: boolean },
      command: Command,
    ) => {
      const name = parseModel(opts.model);
      if (!(PURCHASE_MODELS as readonly string[]).includes(name)) {
        throw new InputError(
          `model validate works with the purchase models ${PURCHASE_MODELS.join(', ')}; got "${opts.model}".`,
        );
      }
      const unit = parseUnit(opts.timeUnit, '--time-unit', 'week');
      const report = await ctx.withWorkspace(command, (ws) =>
        validateModel(ws, {
          model: name as PurchaseModelName,
          calibrationEnd: opts.calibrationEnd,
          holdoutEnd: opts.holdoutEnd,
          unit,
        }),
      );
      ctx.io.out(opts.json ? json(report) : describeValidation(report));
    },
  );
}

function describeFit(r: ModelFitReport): string {
  return `${r.method}
Calibration end ${r.calibration_end}, ${fmtInt(r.customers)} customers${r.skipped ? ` (left out: ${fmtInt(r.skipped.no_repeat)} without a repeat purchase, ${fmtInt(r.skipped.non_positive_spend)} with no positive repeat spend)` : ''}
${table(
  [
    ['parameter', 'estimate', 'std. error'],
    ...Object.keys(r.params).map((k) => [k, fmtNum(r.params[k], 4), fmtNum(r.std_errors[k], 4)]),
  ],
  ['l', 'r', 'r'],
)}
log-likelihood ${fmtNum(r.loglik, 3)}${r.converged ? '' : ' (the optimizer did not fully converge)'}
`;
}

function describeValidation(r: ValidationReport): string {
  return `${r.method}
${fmtInt(r.customers)} customers; holdout ${fmtNum(r.holdout_length, 2)} ${r.time_unit}s
Mean holdout purchases by calibration frequency:
${table(
  [
    ['repeat purchases', 'customers', 'actual', 'predicted'],
    ...r.by_frequency.map((b) => [
      b.frequency,
      fmtInt(b.customers),
      fmtNum(b.actual, 3),
      fmtNum(b.predicted, 3),
    ]),
  ],
  ['r', 'r', 'r', 'r'],
)}
Total: actual ${fmtInt(r.errors.actual_total)}, predicted ${fmtNum(r.errors.predicted_total, 1)} (${fmtNum(r.errors.aggregate_error_percent, 1)} %); MAE ${fmtNum(r.errors.mae, 3)} per customer
`;
}

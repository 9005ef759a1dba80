import { field } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { compressSummary, compressSpendSummary, fitGammaGamma } from '../models/index.js';
import { resolveAsOf, parseDate } from '../profile/as-of.js';
import { PURCHASE_MODEL_ENTRIES, type AnyParams, type ModelName } from './models.js';
import { readSummary, type Summary } from './summary.js';
import type { UnitName } from './time-unit.js';

/** What `clientele model fit --json` prints. */
export interface ModelFitReport {
  model: ModelName;
  method: string;
  params: AnyParams;
  std_errors: AnyParams;
  loglik: number;
  customers: number;
  converged: boolean;
  calibration_end: string;
  time_unit: UnitName | null;
  /** Gamma-Gamma only: customers left out (no repeat purchase, or a non-positive mean repeat value). */
  skipped?: { no_repeat: number; non_positive_spend: number };
}

export async function calibrationEnd(ws: Workspace, text: string | undefined): Promise<string> {
  return text === undefined ? resolveAsOf(ws, undefined) : parseDate(text, field('calibrationEnd'));
}

/** Fits one model on the summary of the customers as of the calibration end. */
export function fitOnSummary(model: ModelName, summary: Summary, calEnd: string): ModelFitReport {
  if (model === 'gg') {
    const fit = fitGammaGamma(compressSpendSummary(summary.spend.summary));
    return {
      model,
      method: 'Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013), maximum likelihood',
      params: { ...fit.params },
      std_errors: { ...fit.stdErrors },
      loglik: fit.loglik,
      customers: fit.customers,
      converged: fit.converged,
      calibration_end: calEnd,
      time_unit: null,
      skipped: {
        no_repeat: summary.spend.skippedNoRepeat,
        non_positive_spend: summary.spend.skippedNonPositiveSpend,
      },
    };
  }
  const entry = PURCHASE_MODEL_ENTRIES[model];
  const fit = entry.fit(compressSummary(summary.purchases));
  return {
    model,
    method: `${entry.label}, maximum likelihood on (x, t_x, T) in ${summary.unit}s`,
    params: { ...fit.params },
    std_errors: { ...fit.stdErrors },
    loglik: fit.loglik,
    customers: fit.customers,
    converged: fit.converged,
    calibration_end: calEnd,
    time_unit: summary.unit,
  };
}

/** `clientele model fit`: reads the summary, fits, and records the fit in `model_fits`. */
export async function fitModel(
  ws: Workspace,
  options: { model: ModelName; calibrationEnd?: string; unit: UnitName },
): Promise<ModelFitReport> {
  const calEnd = await calibrationEnd(ws, options.calibrationEnd);
  const summary = await readSummary(ws, calEnd, calEnd, options.unit);
  const report = fitOnSummary(options.model, summary, calEnd);
  await ws.run(`CREATE TABLE IF NOT EXISTS model_fits (model VARCHAR, calibration_end DATE, time_unit VARCHAR,
    params JSON, std_errors JSON, loglik DOUBLE, customers BIGINT, fitted_at TIMESTAMP)`);
  await ws.run(`INSERT INTO model_fits VALUES ($1, CAST($2 AS DATE), $3, $4, $5, $6, $7, now()::TIMESTAMP)`, [
    report.model,
    calEnd,
    report.time_unit,
    JSON.stringify(report.params),
    JSON.stringify(report.std_errors),
    report.loglik,
    report.customers,
  ]);
  return report;
}

/** The shapes of the models area's API answers (see /docs): predictions, model checks, a customer's history. */
import type {
  GetCustomersById,
  GetCustomersByIdHistory,
  GetModelsFit,
  GetModelsStatus,
  GetModelsValidate,
  GetPredictions,
  GetPredictionsAtRisk,
  GetPredictionsStages,
} from './generated/index.js';

export type PurchaseModel = 'bgnbd' | 'pnbd' | 'mbgnbd';
export type TimeUnit = 'day' | 'week' | 'month';

/** One bin of a distribution; `overflow`: the values above the 99th percentile. */
export type HistogramBin = PredictionsSummary['distributions']['clv'][number];

export type DistributionColumn = keyof PredictionsSummary['distributions'];

export type PredictionsSummary = GetPredictions;

export type AtRiskPage = GetPredictionsAtRisk;

export type StageValueRow = GetPredictionsStages['rows'][number];

export type FitReport = GetModelsFit;

export type ValidationReport = GetModelsValidate;

export type CustomerHistory = GetCustomersByIdHistory;

/** The stored predictions of one customer (on the customer card). */
export type CardPredictions = NonNullable<GetCustomersById['predictions']>;

/** What the predictions job reports when done (the parts the pages show). */
export interface PredictResult {
  as_of: string;
  customers: number;
  totals: { expected_purchases: number; clv: number; expected_alive: number };
  churn_risk_over_half: number;
  snapshots_predicted: number | null;
  /** Snapshot dates (YYYY-MM-DD) computed by this job, and those whose stored predictions were kept. */
  snapshots_computed?: string[];
  snapshots_kept?: string[];
}

/** What the analysis job reports when done (the parts the pages show). */
export interface AnalyzeResult {
  analysis: { as_of: string; customers: number; snapshots: unknown[] };
  predictions: PredictResult | null;
  predictions_error: string | null;
}

/** GET /api/models/status: what is stored (null: not computed yet). */
export type ModelsStatus = GetModelsStatus;

/** The shapes of the models area's API answers (see /docs): predictions, model checks, a customer's history. */
import type { Row } from './types.js';
import type {
  GetCustomersById,
  GetModelsValidate,
  GetPredictions,
  GetPredictionsAtRisk,
} from './generated/api-responses.js';

export type PurchaseModel = 'bgnbd' | 'pnbd' | 'mbgnbd';
export type TimeUnit = 'day' | 'week' | 'month';

/** One bin of a distribution; `overflow`: the values above the 99th percentile. */
export type HistogramBin = PredictionsSummary['distributions']['clv'][number];

export type DistributionColumn = keyof PredictionsSummary['distributions'];

export type PredictionsSummary = GetPredictions;

export type AtRiskPage = GetPredictionsAtRisk;

export interface StageValueRow {
  snapshot_id: number;
  as_of: string;
  month: string;
  stage: string;
  customers: number;
  mean_clv: number;
  total_clv: number;
  mean_churn_risk: number;
  mean_p_alive: number;
  mean_expected_purchases: number;
}

export interface FitReport {
  model: string;
  method: string;
  params: Record<string, number>;
  std_errors: Record<string, number>;
  loglik: number;
  customers: number;
  converged: boolean;
  calibration_end: string;
  time_unit: TimeUnit | null;
}

export type ValidationReport = GetModelsValidate;

export interface CustomerHistory {
  customer_id: string;
  analysis_as_of: string;
  predictions: boolean;
  rows: Row[];
}

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
export interface ModelsStatus {
  analysis: { as_of: string; months: number; computed_at: string | null } | null;
  predictions: {
    as_of: string;
    model: PurchaseModel;
    horizon: number;
    unit: TimeUnit;
    computed_at: string;
    snapshots: boolean;
  } | null;
}

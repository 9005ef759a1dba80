// The public entry of src/predict: what the surfaces (src/cli, src/server) and library users import.

export { AT_RISK_COUNT_SQL, atRiskSql } from './at-risk-customers.js';
export { clvByStageSql } from './clv-by-stage.js';
export { calibrationEnd, fitModel, fitOnSummary, type ModelFitReport } from './fit.js';
export {
  ALL_MODELS,
  type ModelName,
  parseModel,
  PURCHASE_MODEL_ENTRIES,
  PURCHASE_MODELS,
  type PurchaseModelName,
} from './models.js';
export { predict, type PredictOptions, type PredictReport } from './predict.js';
export { HORIZON_MAX, PREDICT_DEFAULTS } from './predict-defaults.js';
export { predictSnapshots } from './predict-snapshots.js';
export { predictWithHistory } from './predict-with-history.js';
export { AT_RISK_THRESHOLD, DISTRIBUTION_RANGES, HISTOGRAM_BINS } from './prediction-distributions.js';
export { PredictionWork } from './prediction-work.js';
export { predictionFigures } from './stored-prediction-figures.js';
export { storedPredictionRun, type StoredPredictionRun } from './stored-predictions.js';
export { readSummary } from './summary.js';
export { parseUnit, UNIT_DAYS, UNIT_NAMES, type UnitName } from './time-unit.js';
export { validateModel, type ValidationReport } from './validate.js';

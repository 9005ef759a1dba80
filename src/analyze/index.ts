// The public entry of src/analyze: what the surfaces (src/cli, src/server) and library users import.

export { analysisSettings, workspaceCatalogue } from './analysis-settings.js';
export { analyze, type AnalyzeOptions, type AnalyzeSummary, requireAnalysis } from './analyze.js';
export { type AutoSegmentsReport, runAutoSegments } from './run-auto-segments.js';
export { snapshotSource } from './cell-source.js';
export { COHORT_AXES, type CohortAxis, cohortCellsSql, cohortCrosstabSql } from './cohort-crosstab.js';
export {
  COHORT_METRICS,
  type CohortMetric,
  cohorts,
  cohortsSql,
  cohortStagesSql,
  parseCohortMetric,
} from './cohorts.js';
export { FLOW_DIMENSIONS, type FlowDimension, flows, flowsQuery } from './flows.js';
export { customerHistory, historySql } from './history.js';
export {
  checkPivot,
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
  type PivotDimension,
  type PivotMeasure,
  pivotQuery,
} from './pivot.js';
export { PIVOT_MEASURE_LABELS, pivotDimensionLabels } from './pivot-labels.js';
export { PRODUCT_COLUMNS, productsMatrix, rankedProducts } from './products.js';
export { fmValues, type RfmCell, rfmGrid, rfmSettings } from './rfm-grid.js';
export {
  parseSegmentKind,
  SEGMENT_COLUMNS_SQL,
  SEGMENT_KINDS,
  type SegmentKind,
  segmentSummary,
} from './segment-table.js';
export { findSnapshot, listSnapshots, type SnapshotRow } from './snapshot-lookup.js';
export { stageStructureSql } from './stage-structure.js';
export { triggersQuery } from './triggers.js';

// Public API of the Clientele engine, importable from TypeScript: `import { Workspace, ingestFile } from 'clientele'`.

// workspace
export { Workspace, DEFAULT_WORKSPACE, type OpenOptions } from './db/workspace.js';
export { InputError, EngineError } from './errors.js';

// ingest
export { ingestFile, type IngestOptions } from './ingest/load.js';
export { ingestSource } from './ingest/ingest-source.js';
export { type LinkOptions, type LinkReport } from './ingest/clickhouse/link.js';
export { loadReport, type LoadReport, type RejectSummary } from './ingest/load-report.js';
export { KINDS, KIND_SPECS, type Kind } from './ingest/kinds.js';
export { parseMapArgs, type Mapping } from './ingest/mapping.js';
export { parseDateFormat, parseDecimal, DATE_FORMATS } from './ingest/date-decimal.js';
export { ENCODINGS, parseEncoding, type Encoding } from './ingest/encoding.js';
export { REJECT_REASONS, type RejectReason } from './ingest/reasons.js';

// metrics and profile
export { catalogue, metricById, PROFILE_COLUMNS, PROFILE_METRICS, type Metric } from './metrics/index.js';
export { profileSql } from './profile/profile-sql.js';
export { runProfile, type ProfileSummary } from './profile/profile.js';
export { resolveAsOf, parseDate } from './profile/as-of.js';

// analysis: snapshots, segments, flows, cohorts
export { analyze, analysisSummary, type AnalyzeOptions, type AnalyzeSummary } from './analyze/analyze.js';
export { flows, flowsQuery, FLOW_DIMENSIONS } from './analyze/flows.js';
export { triggersQuery } from './analyze/triggers.js';
export { cohorts, COHORTS_SQL, COHORT_STAGES_SQL } from './analyze/cohorts.js';
export { pivotQuery, PIVOT_DIMENSIONS, PIVOT_MEASURES } from './analyze/pivot.js';
export { customerHistory } from './analyze/history.js';
export { segmentSummary } from './analyze/segment-table.js';
export { productsSql } from './analyze/products.js';
export { STAGES, STAGE_NAMES, type Stage } from './segments/stages.js';
export { RFM_SEGMENTS, RFM_SEGMENT_NAMES, DEFAULT_RFM_MAP, type RfmMap } from './segments/rfm-map.js';
export { readColumns } from './db/columns.js';

// exports
export { writeQuery, outputFormat, type WriteResult, type OutputFormat } from './export/write.js';

// command line
export { runCli } from './cli/main.js';
// campaigns
export * from './campaigns/index.js';

// HTTP API and web app
export { createServer, type ServerOptions } from './server/create-server.js';

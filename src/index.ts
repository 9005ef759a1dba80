// Public API of the Clientele engine, importable from TypeScript: `import { Workspace, ingestFile } from 'clientele'`.

// workspace
export { Workspace, DEFAULT_WORKSPACE, type OpenOptions } from './db/workspace.js';
export { InputError, EngineError } from './errors.js';

// ingest
export {
  ingestFile,
  loadReport,
  type IngestOptions,
  type LoadReport,
  type RejectSummary,
} from './ingest/load.js';
export { KINDS, KIND_SPECS, type Kind } from './ingest/kinds.js';
export { parseMapArgs, type Mapping } from './ingest/mapping.js';
export { parseDateFormat, parseDecimal, DATE_FORMATS } from './ingest/formats.js';
export { ENCODINGS, parseEncoding, type Encoding } from './ingest/encoding.js';
export { REJECT_REASONS, type RejectReason } from './ingest/reasons.js';

// metrics and profile
export { catalogue, metricById, PROFILE_COLUMNS, PROFILE_METRICS, type Metric } from './metrics/index.js';
export { profileSql } from './profile/profile-sql.js';
export { runProfile, type ProfileSummary } from './profile/profile.js';
export { resolveAsOf, parseDate } from './profile/as-of.js';

// exports
export { writeQuery, outputFormat, type WriteResult, type OutputFormat } from './export/write.js';

// command line
export { runCli } from './cli/main.js';

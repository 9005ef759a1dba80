// The public entry of src/ingest: what the surfaces (src/cli, src/server) and library users import.

export { DELIMITER_CHOICES, parseDelimiter } from './delimiters.js';
export { ENCODINGS, parseEncoding } from './encoding.js';
export { parseDateFormat, parseDecimal } from './date-decimal.js';
export { type Kind, KIND_SPECS, KINDS } from './kinds.js';
export { ingestFile, type IngestOptions } from './load.js';
export { ingestSource } from './ingest-source.js';
export { type LinkOptions, type LinkReport } from './clickhouse/link.js';
export { CLICKHOUSE_PASSWORD_ENV, isClickHouseUrl } from './clickhouse/target.js';
export { linkedSource, type LinkedSource } from '../db/linked-source.js';
export { type LoadReport, loadReport } from './load-report.js';
export { type Mapping, parseMapArgs } from './mapping.js';
export { previewFile } from './preview.js';
export { REJECTS_SQL, rejectsPage, requireLoad } from './rejects.js';

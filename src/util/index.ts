// The public entry of src/util: what the surfaces (src/cli, src/server) and library users import.

export { formatBytes, parseBytes } from './bytes.js';
export { type Progress, PROGRESS_UNITS, type ProgressListener, withQueryProgress } from './progress.js';
export { ProgressTracker } from './progress-tracker.js';
export { fmtInt, fmtNum } from './english-numbers.js';

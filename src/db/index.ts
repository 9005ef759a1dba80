// The public entry of src/db: what the surfaces (src/cli, src/server) and library users import.

export { DATA_VERSION_SQL, PROFILE_VERSION_SQL } from './content-version.js';
export { type MemoryBudget } from './memory-budget.js';
export { isResourceError } from './resource-error.js';
export { identifiedSalesRange } from './sales-summary.js';
export { ident } from './sql.js';
export { type Plain } from './values.js';
export { DEFAULT_WORKSPACE, type OpenOptions, Workspace } from './workspace.js';
export { workspaceStatus } from './workspace-status.js';

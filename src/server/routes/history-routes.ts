import type { RouteModule } from '../context.js';

/** The API modules of the history area (merged into `index.ts`). */
export const HISTORY_ROUTES: readonly RouteModule[] = [];

import type { RouteModule } from '../context.js';

/** The API modules of the campaigns area (merged into `index.ts`). */
export const CAMPAIGNS_ROUTES: readonly RouteModule[] = [];

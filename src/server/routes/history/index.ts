import type { RouteModule } from '../../context.js';
import { cohortRoutes } from './cohorts.js';
import { flowRoutes } from './flows.js';
import { stageStructureRoutes } from './structure.js';
import { triggerRoutes } from './triggers.js';

/** The API modules of the history area (merged into `index.ts`). */
export const HISTORY_ROUTES: readonly RouteModule[] = [
  stageStructureRoutes,
  flowRoutes,
  triggerRoutes,
  cohortRoutes,
];

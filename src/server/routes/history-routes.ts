import type { RouteModule } from '../context.js';
import { cohortRoutes } from './history-cohorts.js';
import { flowRoutes } from './history-flows.js';
import { stageStructureRoutes } from './history-structure.js';
import { triggerRoutes } from './history-triggers.js';

/** The API modules of the history area (merged into `index.ts`). */
export const HISTORY_ROUTES: readonly RouteModule[] = [
  stageStructureRoutes,
  flowRoutes,
  triggerRoutes,
  cohortRoutes,
];

import type { RouteModule } from '../../context.js';
import { modelsCheckRoutes } from './checks.js';
import { modelsHistoryRoutes } from './history.js';
import { modelsJobRoutes } from './jobs.js';
import { modelsPredictionRoutes } from './predictions.js';
import { modelsStatusRoutes } from './status.js';

/** The API modules of the models area (merged into `index.ts`). */
export const MODELS_ROUTES: readonly RouteModule[] = [
  modelsStatusRoutes,
  modelsJobRoutes,
  modelsPredictionRoutes,
  modelsCheckRoutes,
  modelsHistoryRoutes,
];

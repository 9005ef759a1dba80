import type { RouteModule } from '../context.js';
import { modelsCheckRoutes } from './models-checks.js';
import { modelsHistoryRoutes } from './models-history.js';
import { modelsJobRoutes } from './models-jobs.js';
import { modelsPredictionRoutes } from './models-predictions.js';
import { modelsStatusRoutes } from './models-status.js';

/** The API modules of the models area (merged into `index.ts`). */
export const MODELS_ROUTES: readonly RouteModule[] = [
  modelsStatusRoutes,
  modelsJobRoutes,
  modelsPredictionRoutes,
  modelsCheckRoutes,
  modelsHistoryRoutes,
];

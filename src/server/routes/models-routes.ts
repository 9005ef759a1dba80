import type { RouteModule } from '../context.js';

/** The API modules of the models area (merged into `index.ts`). */
export const MODELS_ROUTES: readonly RouteModule[] = [];

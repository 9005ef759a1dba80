import type { RouteModule } from '../context.js';
import { CAMPAIGNS_ROUTES } from './campaigns-routes.js';
import { customerRoutes } from './customers.js';
import { healthRoutes } from './health.js';
import { HISTORY_ROUTES } from './history-routes.js';
import { ingestRoutes } from './ingest.js';
import { jobRoutes } from './jobs.js';
import { loadRoutes } from './loads.js';
import { metricsRoutes } from './metrics.js';
import { MODELS_ROUTES } from './models-routes.js';
import { overviewRoutes } from './overview.js';
import { profileRoutes } from './profile.js';
import { SEGMENTS_ROUTES } from './segments-routes.js';
import { sessionRoutes } from './session.js';
import { statusRoutes } from './status.js';

/**
 * The API, one module per area. An area's modules are listed in `routes/<area>-routes.ts` and its pages in
 * `web/src/pages/<area>-pages.tsx`.
 */
export const API_ROUTES: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  statusRoutes,
  metricsRoutes,
  profileRoutes,
  overviewRoutes,
  customerRoutes,
  ingestRoutes,
  jobRoutes,
  loadRoutes,
  ...HISTORY_ROUTES,
  ...SEGMENTS_ROUTES,
  ...MODELS_ROUTES,
  ...CAMPAIGNS_ROUTES,
];

import type { RouteModule } from '../context.js';
import { CAMPAIGNS_ROUTES } from './campaigns/index.js';
import { customerRoutes } from './customers.js';
import { healthRoutes } from './health.js';
import { HISTORY_ROUTES } from './history/index.js';
import { ingestRoutes } from './ingest.js';
import { jobRoutes } from './jobs.js';
import { loadRoutes } from './loads.js';
import { metricsRoutes } from './metrics.js';
import { MODELS_ROUTES } from './models/index.js';
import { overviewRoutes } from './overview.js';
import { profileRoutes } from './profile.js';
import { SEGMENTS_ROUTES } from './segments/index.js';
import { sessionRoutes } from './session.js';
import { statusRoutes } from './status.js';

/**
 * The API, one module per area. An area's modules are in `routes/<area>/` (listed in its `index.ts`), its pages and
 * components in `web/src/features/<area>/`.
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

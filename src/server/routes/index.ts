import type { RouteModule } from '../context.js';
import { customerRoutes } from './customers.js';
import { healthRoutes } from './health.js';
import { ingestRoutes } from './ingest.js';
import { jobRoutes } from './jobs.js';
import { loadRoutes } from './loads.js';
import { metricsRoutes } from './metrics.js';
import { overviewRoutes } from './overview.js';
import { profileRoutes } from './profile.js';
import { sessionRoutes } from './session.js';
import { statusRoutes } from './status.js';

/**
 * The API, one module per area. A new area (segments, flows, cohorts, …) adds `routes/<area>.ts` here and
 * its page to `web/src/pages/registry.tsx`.
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
];

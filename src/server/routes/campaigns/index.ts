import type { RouteModule } from '../../context.js';
import { campaignResultRoutes } from './results.js';
import { campaignRoutes } from './campaigns.js';

/** The API modules of the campaigns area (merged into `index.ts`). */
export const CAMPAIGNS_ROUTES: readonly RouteModule[] = [campaignRoutes, campaignResultRoutes];

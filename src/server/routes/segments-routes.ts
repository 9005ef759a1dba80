import type { RouteModule } from '../context.js';

/** The API modules of the segments area (merged into `index.ts`). */
export const SEGMENTS_ROUTES: readonly RouteModule[] = [];

import type { RouteModule } from '../../context.js';
import { pivotRoutes } from './pivot.js';
import { productRoutes } from './products.js';
import { rfmRoutes } from './rfm.js';
import { segmentCustomerRoutes } from './customers.js';

/** The API modules of the segments area (merged into `index.ts`): RFM, segment lists, products, the pivot. */
export const SEGMENTS_ROUTES: readonly RouteModule[] = [
  rfmRoutes,
  segmentCustomerRoutes,
  productRoutes,
  pivotRoutes,
];

import type { Page } from './page.js';

/** The campaigns pages, in navigation order (merged into `registry.tsx`). */
export const CAMPAIGNS_PAGES: readonly Page[] = [];

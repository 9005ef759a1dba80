import type { Page } from './page.js';

/** The history pages, in navigation order (merged into `registry.tsx`). */
export const HISTORY_PAGES: readonly Page[] = [];

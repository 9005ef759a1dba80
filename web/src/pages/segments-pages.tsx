import type { Page } from './page.js';

/** The segments pages, in navigation order (merged into `registry.tsx`). */
export const SEGMENTS_PAGES: readonly Page[] = [];

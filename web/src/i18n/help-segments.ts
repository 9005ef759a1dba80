import type { HelpText } from './help-text.js';

/** How the figures of the segments pages are computed, in both languages (merged into `help.ts`). */
export const SEGMENTS_HELP = {} satisfies Record<string, HelpText>;

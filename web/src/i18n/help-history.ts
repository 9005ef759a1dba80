import type { HelpText } from './help-text.js';

/** How the figures of the history pages are computed, in both languages (merged into `help.ts`). */
export const HISTORY_HELP = {} satisfies Record<string, HelpText>;

import type { HelpText } from './help-text.js';

/** How the figures of the campaigns pages are computed, in both languages (merged into `help.ts`). */
export const CAMPAIGNS_HELP = {} satisfies Record<string, HelpText>;

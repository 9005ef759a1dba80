import type { HelpText } from './help-text.js';

/** How the figures of the models pages are computed, in both languages (merged into `help.ts`). */
export const MODELS_HELP = {} satisfies Record<string, HelpText>;

/** UI strings of the history pages, in English and Russian (merged into `strings.ts`). */
export const HISTORY_EN = {} as const;

export const HISTORY_RU: Record<keyof typeof HISTORY_EN, string> = {};

/** UI strings of the segments pages, in English and Russian (merged into `strings.ts`). */
export const SEGMENTS_EN = {} as const;

export const SEGMENTS_RU: Record<keyof typeof SEGMENTS_EN, string> = {};

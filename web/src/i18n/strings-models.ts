/** UI strings of the models pages, in English and Russian (merged into `strings.ts`). */
export const MODELS_EN = {} as const;

export const MODELS_RU: Record<keyof typeof MODELS_EN, string> = {};

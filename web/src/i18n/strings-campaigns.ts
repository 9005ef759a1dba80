/** UI strings of the campaigns pages, in English and Russian (merged into `strings.ts`). */
export const CAMPAIGNS_EN = {} as const;

export const CAMPAIGNS_RU: Record<keyof typeof CAMPAIGNS_EN, string> = {};

import type { Lang } from './text-numbers.js';

/** Why a campaign's stage moves cannot be shown. */
export type TransitionsGap = 'no_analysis' | 'no_stages_at_selection' | 'no_snapshot_after';

const WORDS: Record<Lang, Record<TransitionsGap, (asOf: string) => string>> = {
  en: {
    no_analysis: () =>
      'there is no analysis: run `clientele analyze` on data that covers the window to see stage moves',
    no_stages_at_selection: (asOf) =>
      `the stages at the selection date ${asOf} are unknown (no analysis existed there when the campaign was created, and the current analysis has no snapshot at that date)`,
    no_snapshot_after: (asOf) =>
      `the analysis has no snapshot after the selection date ${asOf}: run \`clientele analyze\` on data that covers the window`,
  },
  ru: {
    no_analysis: () =>
      'анализа нет: чтобы увидеть переходы между стадиями, запустите анализ (`clientele analyze`) на данных, которые покрывают окно',
    no_stages_at_selection: (asOf) =>
      `стадии на дату отбора ${asOf} неизвестны (когда кампанию создавали, анализа на эту дату не было, и в нынешнем анализе нет снимка на эту дату)`,
    no_snapshot_after: (asOf) =>
      `в анализе нет снимка после даты отбора ${asOf}: запустите анализ (\`clientele analyze\`) на данных, которые покрывают окно`,
  },
};

/** Why the stage moves are missing, in words, for a campaign selected at `asOf`; English for the CLI, or Russian. */
export function transitionsReason(gap: TransitionsGap, asOf: string, lang: Lang = 'en'): string {
  return WORDS[lang][gap](asOf);
}

import { addDays } from './calendar-days.js';
import type { SegmentHistory } from './segment-history.js';
import type { Lang } from './text-numbers.js';

/** Each reading of the basis in each language. */
const WORDS: Record<
  Lang,
  {
    past(selected: string, when: string, days: number): string;
    exactly(days: number, asOf: string): string;
    latestBefore(date: string): string;
    current(days: number, asOf: string): string;
  }
> = {
  en: {
    past: (selected, when, days) =>
      `members of the segment as of ${selected}${when}, and their purchases in the ${days} days after`,
    exactly: (days, asOf) => ` (${days} days before ${asOf})`,
    latestBefore: (date) => ` (the latest snapshot on or before ${date})`,
    current: (days, asOf) =>
      `the rule cannot be evaluated ${days} days earlier (no snapshot, predictions or sales there), so the current members and their purchases in the last ${days} days before ${asOf} — too low a baseline for rules about recent inactivity`,
  },
  ru: {
    past: (selected, when, days) =>
      `участники сегмента на ${selected}${when} и их покупки за ${days} дн. после этой даты`,
    exactly: (days, asOf) => ` (за ${days} дн. до ${asOf})`,
    latestBefore: (date) => ` (последний снимок не позже ${date})`,
    current: (days, asOf) =>
      `правило нельзя применить на ${days} дн. раньше (там нет снимка, прогнозов или продаж), поэтому взяты нынешние участники и их покупки за последние ${days} дн. до ${asOf} — для правил о недавнем бездействии такая база занижена`,
  },
};

/**
 * Which members and which window the segment's history used, in words (English for the CLI, or Russian): the
 * members selected `days` before `asOf` (exactly, or at the latest snapshot before), or else the current ones.
 */
export function describeHistoryBasis(
  history: Pick<SegmentHistory, 'selected_as_of' | 'days'>,
  asOf: string,
  lang: Lang = 'en',
): string {
  const w = WORDS[lang];
  const { selected_as_of: selected, days } = history;
  if (selected === asOf) return w.current(days, asOf);
  const earlier = addDays(asOf, -days);
  return w.past(selected, selected === earlier ? w.exactly(days, asOf) : w.latestBefore(earlier), days);
}

import type { Label } from './api/types-history.js';
import type { Lang } from './i18n/numbers-dates.js';

/** Colours of the lifecycle stages, the same on every history chart. */
const STAGE_COLORS: Record<string, string> = {
  new: '#5b9a68',
  one_time: '#a3c9a8',
  active: '#2f5f8f',
  falling_asleep: '#e0b04a',
  asleep: '#d1603d',
  restored: '#7e57c2',
  lost: '#9aa5b1',
};

const PALETTE = [
  '#2f5f8f',
  '#5b9a68',
  '#e0b04a',
  '#d1603d',
  '#7e57c2',
  '#4fa3a5',
  '#c2185b',
  '#8d6e63',
  '#9aa5b1',
  '#a3c9a8',
  '#f4a261',
];

/** The colour of a stage, or of the i-th value of another dimension. */
export function labelColor(id: string, index: number): string {
  return STAGE_COLORS[id] ?? PALETTE[index % PALETTE.length] ?? '#9aa5b1';
}

/** The name of `id` among `labels` in the language, capitalized (the id itself when unknown). */
export function labelName(labels: readonly Label[], id: string, lang: Lang): string {
  const name = labels.find((l) => l.id === id)?.[lang] ?? id;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

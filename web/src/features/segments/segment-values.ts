import type { ValueLabels } from '../../api/types-segments.js';
import { formatMonth, type Lang } from '../../i18n/numbers-dates.js';

/** Colours of the 11 RFM segments: greens for the best, blues for the young, warm for the slipping, greys for the gone. */
export const SEGMENT_COLOURS: Record<string, string> = {
  Champions: '#1b7837',
  Loyal: '#5aae61',
  'Potential Loyalist': '#a6dba0',
  New: '#92c5de',
  Promising: '#4393c3',
  'Need Attention': '#fee08b',
  'About To Sleep': '#fdae61',
  'At Risk': '#f46d43',
  "Can't Lose Them": '#c51b1b',
  Hibernating: '#bababa',
  Lost: '#7a7a7a',
};

/**
 * A stored value of a segment dimension as people read it: segment and stage names in the language, transitions
 * as "Active → Falling asleep", months as "Mar 2017"; empty values as a dash.
 */
export function segmentValue(
  dimension: string,
  value: unknown,
  labels: ValueLabels | undefined,
  lang: Lang,
  entered: string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const stage = (s: string) => (s === '(entered)' ? entered : (labels?.stage[s]?.[lang] ?? s));
  if (dimension === 'stage') return stage(text);
  if (dimension === 'rfm_segment') return labels?.rfm_segment[text]?.[lang] ?? text;
  if (dimension === 'transition') return text.split('→').map(stage).join(' → ');
  if (dimension === 'as_of' || dimension === 'cohort') return formatMonth(text, lang);
  return text;
}

/** Values of a dimension in their natural order: segments and stages as the analysis lists them, others sorted. */
export function orderValues(
  dimension: string,
  values: unknown[],
  labels: ValueLabels | undefined,
): unknown[] {
  const known =
    dimension === 'stage' || dimension === 'rfm_segment' ? Object.keys(labels?.[dimension] ?? {}) : [];
  const rank = (v: unknown) =>
    v === null ? Infinity : known.includes(String(v)) ? known.indexOf(String(v)) : -1;
  return [...new Set(values)].sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d !== 0 || known.length > 0) return d;
    return String(a).localeCompare(String(b));
  });
}

import type { Text } from '../util/text.js';

/** The 11 named RFM segments. */
export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_NAMES: Record<RfmSegment, Text> = {
  Champions: { en: 'Champions', ru: 'Чемпионы' },
  Loyal: { en: 'Loyal', ru: 'Лояльные' },
  'Potential Loyalist': { en: 'Potential Loyalist', ru: 'Потенциально лояльные' },
  New: { en: 'New', ru: 'Новички' },
  Promising: { en: 'Promising', ru: 'Перспективные' },
  'Need Attention': { en: 'Need Attention', ru: 'Требуют внимания' },
  'About To Sleep': { en: 'About To Sleep', ru: 'Скоро уснут' },
  'At Risk': { en: 'At Risk', ru: 'В зоне риска' },
  "Can't Lose Them": { en: "Can't Lose Them", ru: 'Нельзя потерять' },
  Hibernating: { en: 'Hibernating', ru: 'Спящие' },
  Lost: { en: 'Lost', ru: 'Потерянные' },
};

/** FM = (F + M) / 2 takes the values 1, 1.5, …, 5: the columns of the map. */
export const FM_VALUES = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const;

/**
 * The default map: for each R score (5 = most recent) the segment of each FM column. It is the common
 * 11-segment table (Champions R 4–5 & FM 4–5; Loyal R 3–5 & FM 3.5+; Potential Loyalist R 4–5 & FM 2–3;
 * New R 5 & FM ≤ 1.5; Promising R 3–4 & low FM; Need Attention R 3 & FM 2–3; About To Sleep R 2–3 & FM ≤ 1.5;
 * At Risk R 1–2 & FM 2.5–4; Can't Lose Them R 1–2 & FM 4.5+; Hibernating R 1–2 & FM 2–2.5; Lost R 1 & FM ≤ 1.5)
 * with every overlap of those ranges resolved to one cell, so no customer falls between two segments.
 */
export type RfmMap = Record<1 | 2 | 3 | 4 | 5, readonly RfmSegment[]>;

export const DEFAULT_RFM_MAP: RfmMap = {
  5: [
    'New',
    'New',
    'Potential Loyalist',
    'Potential Loyalist',
    'Potential Loyalist',
    'Loyal',
    'Champions',
    'Champions',
    'Champions',
  ],
  4: [
    'Promising',
    'Promising',
    'Potential Loyalist',
    'Potential Loyalist',
    'Potential Loyalist',
    'Loyal',
    'Champions',
    'Champions',
    'Champions',
  ],
  3: [
    'Promising',
    'About To Sleep',
    'Need Attention',
    'Need Attention',
    'Need Attention',
    'Loyal',
    'Loyal',
    'Loyal',
    'Loyal',
  ],
  2: [
    'About To Sleep',
    'About To Sleep',
    'Hibernating',
    'At Risk',
    'At Risk',
    'At Risk',
    'At Risk',
    "Can't Lose Them",
    "Can't Lose Them",
  ],
  1: [
    'Lost',
    'Lost',
    'Hibernating',
    'Hibernating',
    'At Risk',
    'At Risk',
    "Can't Lose Them",
    "Can't Lose Them",
    "Can't Lose Them",
  ],
};

/** Checks a user-supplied map (e.g. from a JSON file): 5 rows × 9 known segment names. */
export function validateRfmMap(value: unknown): RfmMap | string {
  if (!value || typeof value !== 'object') return 'the RFM map must be an object with keys "1".."5"';
  const out: Partial<Record<1 | 2 | 3 | 4 | 5, RfmSegment[]>> = {};
  for (const r of [1, 2, 3, 4, 5] as const) {
    const row = (value as Record<string, unknown>)[String(r)];
    if (!Array.isArray(row) || row.length !== FM_VALUES.length) {
      return `row R=${r} of the RFM map must list ${FM_VALUES.length} segments, one for FM = ${FM_VALUES.join(', ')}`;
    }
    for (const name of row) {
      if (!(RFM_SEGMENTS as readonly string[]).includes(String(name))) {
        return `"${String(name)}" in row R=${r} is not a segment; use one of: ${RFM_SEGMENTS.join(', ')}`;
      }
    }
    out[r] = row as RfmSegment[];
  }
  return out as RfmMap;
}

/**
 * The map as SQL: the 45 cells as one list literal, indexed by R (1–5) and F + M (2–10), which DuckDB
 * evaluates as a lookup rather than a 45-branch CASE.
 */
export function rfmMapSql(map: RfmMap, r: string, fPlusM: string): string {
  const cells = ([1, 2, 3, 4, 5] as const).flatMap((rs) =>
    map[rs].map((segment) => `'${segment.replaceAll("'", "''")}'`),
  );
  return `[${cells.join(', ')}][(${r} - 1) * ${FM_VALUES.length} + (${fPlusM} - 2) + 1]`;
}

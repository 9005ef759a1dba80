import { fmtInt, fmtNum } from '../util/english-numbers.js';
import type { Text } from '../metrics/index.js';

/** The languages the campaign texts (verdicts, methods, warnings) are written in; the CLI speaks English. */
export type Lang = keyof Text;

/** How numbers read inside a sentence. */
export interface TextNumbers {
  /** Money and other amounts: two decimals with thousands separators. */
  money(x: number | null): string;
  /** Counts of customers, rounded. */
  int(x: number | null): string;
  /** A fixed number of decimals (percentages, points). */
  fixed(x: number, digits: number): string;
  /** A parameter as given: 0.05, 0.8. */
  plain(x: number): string;
  /** A p-value as statisticians write it: 0.034, 0.0012, 3.1e-6. */
  p(x: number | null): string;
}

/** The CLI's numbers, unchanged: `1,234.50`, `0.034`, `3.1e-6`. */
const ENGLISH: TextNumbers = {
  money: (x) => fmtNum(x),
  int: (x) => fmtInt(x),
  fixed: (x, digits) => x.toFixed(digits),
  plain: (x) => String(x),
  p: (x) => {
    if (x === null) return '—';
    if (x < 1e-4) return x.toExponential(1);
    return x < 0.01 ? x.toFixed(4) : x.toFixed(3);
  },
};

/** Russian numbers as the web app writes them (web/src/i18n/numbers-dates.ts): `1 234,50`, `0,034`, `3,1E-6`. */
function russian(): TextNumbers {
  const format = (x: number, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat('ru-RU', options).format(x);
  const valid = (x: number | null): x is number => x !== null && Number.isFinite(x);
  return {
    money: (x) => (valid(x) ? format(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '—'),
    int: (x) => (valid(x) ? format(Math.round(x), {}) : '—'),
    fixed: (x, digits) => format(x, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    plain: (x) => format(x, { maximumFractionDigits: 10 }),
    p: (x) => {
      if (x === null) return '—';
      if (x < 1e-4) return format(x, { notation: 'scientific', maximumFractionDigits: 1 });
      return format(x, { maximumFractionDigits: x < 0.01 ? 4 : 3 });
    },
  };
}

const NUMBERS: Record<Lang, TextNumbers> = { en: ENGLISH, ru: russian() };

export function textNumbers(lang: Lang): TextNumbers {
  return NUMBERS[lang];
}

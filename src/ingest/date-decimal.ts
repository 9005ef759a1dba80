import { field, InputError } from '../errors.js';

/**
 * Number and date conventions of a file, detected from sample values or given by the user. Date formats are
 * DuckDB `strptime` patterns; 'iso' means DuckDB's own ISO 8601 cast (fastest).
 */
export type Decimal = '.' | ',';

export interface DateFormat {
  /** Name shown to the user, e.g. 'dd.mm.yyyy'. */
  name: string;
  /** 'iso' or a list of strptime patterns tried in order. */
  patterns: 'iso' | readonly string[];
}

const withTimes = (date: string): string[] => [
  `${date} %H:%M:%S`,
  `${date} %H:%M`,
  `${date} %H:%M:%S.%f`,
  date,
];

export const DATE_FORMATS: Record<string, DateFormat> = {
  iso: { name: 'yyyy-mm-dd', patterns: 'iso' },
  'dd.mm.yyyy': { name: 'dd.mm.yyyy', patterns: withTimes('%d.%m.%Y') },
  'dd.mm.yy': { name: 'dd.mm.yy', patterns: withTimes('%d.%m.%y') },
  'mm/dd/yyyy': { name: 'mm/dd/yyyy', patterns: withTimes('%m/%d/%Y') },
  'dd/mm/yyyy': { name: 'dd/mm/yyyy', patterns: withTimes('%d/%m/%Y') },
  'dd-mm-yyyy': { name: 'dd-mm-yyyy', patterns: withTimes('%d-%m-%Y') },
  'yyyy/mm/dd': { name: 'yyyy/mm/dd', patterns: withTimes('%Y/%m/%d') },
  yyyymmdd: { name: 'yyyymmdd', patterns: ['%Y%m%d', '%Y%m%d%H%M%S'] },
};

const ALIASES: Record<string, string> = {
  'yyyy-mm-dd': 'iso',
  'd.m.y': 'dd.mm.yyyy',
  'm/d/yyyy': 'mm/dd/yyyy',
  'm/d/y': 'mm/dd/yyyy',
  'd/m/yyyy': 'dd/mm/yyyy',
  'd/m/y': 'dd/mm/yyyy',
};

/** `--date-format` accepts a name above (e.g. `yyyymmdd`, `dd.mm.yyyy`) or strptime patterns such as `%d.%m.%Y`. */
export function parseDateFormat(text: string): DateFormat {
  const key = text.trim().toLowerCase();
  const found = DATE_FORMATS[ALIASES[key] ?? key];
  if (found) return found;
  if (text.includes('%')) return { name: text, patterns: text.split('|').map((p) => p.trim()) };
  throw new InputError(
    `Unknown date format "${text}" (${field('dateFormat')}). Use one of ${Object.keys(DATE_FORMATS).join(', ')} or a strptime pattern such as %d.%m.%Y %H:%M.`,
  );
}

const DATE_SHAPES: { format: string; re: RegExp }[] = [
  { format: 'iso', re: /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/ },
  { format: 'dd.mm.yyyy', re: /^\d{1,2}\.\d{1,2}\.\d{4}( \d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/ },
  { format: 'dd.mm.yy', re: /^\d{1,2}\.\d{1,2}\.\d{2}( \d{1,2}:\d{2}(:\d{2})?)?$/ },
  { format: 'slash', re: /^\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/ },
  { format: 'dd-mm-yyyy', re: /^\d{1,2}-\d{1,2}-\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$/ },
  { format: 'yyyy/mm/dd', re: /^\d{4}\/\d{1,2}\/\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/ },
  { format: 'yyyymmdd', re: /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{6})?$/ },
];

export interface DetectedDate {
  format: DateFormat;
  /** The sample could be read either way (e.g. 01/02/2024); the user should check. */
  ambiguous: boolean;
}

/**
 * Picks the date format that reads the most non-empty sample values (at least half of them: a footer such as
 * "Итого" or a few broken dates must not hide the format of the rest); undefined when none does.
 */
export function detectDateFormat(values: readonly string[]): DetectedDate | undefined {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return undefined;
  let best: { shape: (typeof DATE_SHAPES)[number]; matching: string[] } | undefined;
  for (const shape of DATE_SHAPES) {
    const matching = vs.filter((v) => shape.re.test(v));
    if (!best || matching.length > best.matching.length) best = { shape, matching };
  }
  if (!best || best.matching.length < vs.length * 0.5) return undefined;
  if (best.shape.format !== 'slash') return { format: DATE_FORMATS[best.shape.format]!, ambiguous: false };
  const parts = best.matching.map((v) => v.split(/[/ ]/).map(Number));
  const firstOver12 = parts.some((p) => (p[0] ?? 0) > 12);
  const secondOver12 = parts.some((p) => (p[1] ?? 0) > 12);
  if (firstOver12 && !secondOver12) return { format: DATE_FORMATS['dd/mm/yyyy']!, ambiguous: false };
  return { format: DATE_FORMATS['mm/dd/yyyy']!, ambiguous: !secondOver12 };
}

/**
 * Decimal comma when sample numbers are written like `12,50` or `1 234,5` (and not like `1,234.50`);
 * a dot otherwise. With ',' as the column delimiter the decimal separator cannot be a comma.
 */
export function detectDecimal(values: readonly string[], delimiter: string | null): Decimal {
  if (delimiter === ',') return '.';
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const v = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
    if (/^[-+]?\d+,\d+$/.test(v) || /^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(v)) comma++;
    else if (/^[-+]?\d*\.\d+$/.test(v) || /^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(v)) dot++;
  }
  return comma > dot ? ',' : '.';
}

export function parseDecimal(text: string): Decimal {
  const t = text.trim().toLowerCase();
  if (t === '.' || t === 'dot' || t === 'point') return '.';
  if (t === ',' || t === 'comma') return ',';
  throw new InputError(
    `Unknown decimal separator "${text}" (${field('decimal')}). Use "." (dot) or "," (comma).`,
  );
}

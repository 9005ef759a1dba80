export type Lang = 'en' | 'ru';

/** Units of the metric catalogue (src/metrics/metric.ts). */
export type Unit = 'id' | 'text' | 'currency' | 'count' | 'items' | 'days' | 'date' | 'ratio' | 'per_month';

const LOCALES: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

const UNIT_OPTIONS: Record<Exclude<Unit, 'id' | 'text' | 'date'>, Intl.NumberFormatOptions> = {
  currency: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  count: { maximumFractionDigits: 1 },
  items: { maximumFractionDigits: 2 },
  days: { maximumFractionDigits: 1 },
  ratio: { style: 'percent', maximumFractionDigits: 1 },
  per_month: { maximumFractionDigits: 2 },
};

export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, options).format(value);
}

/** `2024-03-05` or `2024-03-05 10:15:00` (UTC wall clock, as the API sends them) in the language's format. */
export function formatDate(text: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)),
  );
  const withTime = h !== undefined && !(h === '00' && mi === '00' && (s ?? '00') === '00');
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'UTC',
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

/** `2024-03` → `Mar 2024` / `март 2024 г.`. */
export function formatMonth(text: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return text;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
    date,
  );
}

/** Any value of a column with a catalogue unit, as people read it; empty values as a dash. */
export function formatValue(value: unknown, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (unit === 'date') return typeof value === 'string' ? formatDate(value, lang) : String(value);
  if (unit === 'id' || unit === 'text')
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? formatNumber(n, lang, UNIT_OPTIONS[unit]) : String(value);
}

const BYTE_UNITS: Record<Lang, [string, number][]> = {
  en: [
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ],
  ru: [
    ['ГБ', 1e9],
    ['МБ', 1e6],
    ['КБ', 1e3],
  ],
};

/** Seconds as a clock: 75 → `1:15`, 3725 → `1:02:05`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export function formatBytes(bytes: number, lang: Lang): string {
  for (const [unit, size] of BYTE_UNITS[lang]) {
    if (bytes >= size) return `${formatNumber(bytes / size, lang, { maximumFractionDigits: 1 })} ${unit}`;
  }
  return `${formatNumber(bytes, lang)} ${lang === 'ru' ? 'Б' : 'B'}`;
}

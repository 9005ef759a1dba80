import { tokenize, type SampleRecord } from './tokenize.js';
import { normalizeHeader, KIND_SPECS } from './kinds.js';

/** How a delimited text file is laid out, as found in its first megabyte. */
export interface Dialect {
  /** A single character, or 'whitespace' for columns separated by runs of spaces. */
  delimiter: string;
  quote: string | null;
  /** 1-based line of the header row, or null when the file has no header. */
  headerLine: number | null;
  /** 1-based line where data rows begin. */
  firstDataLine: number;
  /** Column names (from the header, made unique; `column1`… without a header). */
  columns: string[];
  /** Data records of the sample, for detecting number and date formats. */
  sample: string[][];
}

const CANDIDATES = [';', '\t', ',', '|', 'whitespace'] as const;

/** Every synonym of every kind, normalized: a header row usually contains several of them. */
const KNOWN_HEADERS = new Set(
  Object.values(KIND_SPECS).flatMap((spec) => spec.fields.flatMap((f) => f.synonyms.map(normalizeHeader))),
);

export function sniffDialect(text: string, complete: boolean, forcedDelimiter?: string): Dialect | undefined {
  const candidates = forcedDelimiter ? [forcedDelimiter] : CANDIDATES;
  let best: { score: number; dialect: Dialect } | undefined;
  for (const delimiter of candidates) {
    const quote = delimiter === 'whitespace' ? null : '"';
    let records = tokenize(text, delimiter, quote);
    if (!complete && records.length > 1) records = records.slice(0, -1);
    const found = layout(records, delimiter, quote);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best?.dialect;
}

/** Finds the table (preamble, header, columns) in records already split into fields. */
export function layout(
  records: SampleRecord[],
  delimiter: string,
  quote: string | null,
): { score: number; dialect: Dialect } | undefined {
  const nonBlank = records.filter((r) => r.fields.length > 0);
  if (nonBlank.length === 0) return undefined;
  // The table is the longest run of records with one field count (> 1); lines before it are a preamble.
  let bestStart = -1;
  let bestLen = 0;
  let bestWidth = 0;
  for (let i = 0; i < nonBlank.length;) {
    const width = nonBlank[i]!.fields.length;
    let j = i;
    while (j < nonBlank.length && nonBlank[j]!.fields.length === width) j++;
    if (width > 1 && j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
      bestWidth = width;
    }
    i = j;
  }
  // One wide record is not a table unless it is all there is.
  if (bestStart < 0 || (bestLen < 2 && nonBlank.length > 1)) return undefined;
  // A header may end early (a workbook drops a row's empty cells at the end, as under a merged header cell):
  // the record just before the run is its header when it reads as one.
  const before = nonBlank[bestStart - 1];
  const shortHeader =
    before !== undefined &&
    before.fields.length < bestWidth &&
    before.fields.length >= bestWidth - 2 &&
    findHeader([before, nonBlank[bestStart]!], bestWidth) === 0;
  const run = nonBlank.slice(shortHeader ? bestStart - 1 : bestStart);
  const headerIndex = findHeader(run.slice(0, Math.min(run.length, 30)), bestWidth);
  const header = headerIndex === null ? null : run[headerIndex]!;
  const dataStart = headerIndex === null ? 0 : headerIndex + 1;
  const data = run.slice(dataStart).filter((r) => r.fields.length === bestWidth);
  const columns = header
    ? uniqueNames([
        ...header.fields,
        ...Array<string>(Math.max(0, bestWidth - header.fields.length)).fill(''),
      ])
    : Array.from({ length: bestWidth }, (_, i) => `column${i + 1}`);
  const firstDataLine = run[dataStart]?.line ?? (header ? header.line + 1 : run[0]!.line);
  // Prefer layouts that explain more of the sample with more columns.
  const covered = nonBlank.filter((r) => r.fields.length === bestWidth).length;
  const score = (covered / nonBlank.length) * 1000 + Math.min(bestWidth, 50) + (header ? 5 : 0);
  return {
    score,
    dialect: {
      delimiter,
      quote,
      headerLine: header?.line ?? null,
      firstDataLine,
      columns,
      sample: data.map((r) => r.fields),
    },
  };
}

/**
 * The header is the first record whose cells are all text (not numbers or dates) and that names known columns
 * or is followed by a record with numbers or dates. Title rows padded with delimiters come before it.
 */
function findHeader(records: SampleRecord[], width: number): number | null {
  for (let i = 0; i < records.length; i++) {
    const fields = records[i]!.fields;
    if (fields.length > width || fields.length < width - 2) continue;
    const filled = fields.filter((f) => f.trim() !== '');
    if (filled.length < Math.max(2, Math.ceil(width * 0.6))) continue;
    if (filled.some(isDataLike)) return null;
    const known = filled.filter((f) => KNOWN_HEADERS.has(normalizeHeader(f))).length;
    const next = records[i + 1];
    if (known >= 2 || (next && next.fields.some(isDataLike))) return i;
  }
  return null;
}

function isDataLike(value: string): boolean {
  const v = value.trim();
  return /^[-+]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*$/.test(v) || /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/.test(v);
}

function uniqueNames(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((f, i) => {
    const base = f.trim() === '' ? `column${i + 1}` : f.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

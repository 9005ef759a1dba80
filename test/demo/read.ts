import { readFileSync } from 'node:fs';

/** A generated CSV file as its header and rows of fields (the generator never quotes: no field has a comma). */
export function readCsv(path: string): { header: string; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [header = '', ...rest] = lines;
  return { header, rows: rest.map((line) => line.split(',')) };
}

export function field(row: readonly string[], index: number): string {
  const value = row[index];
  if (value === undefined) throw new Error(`row has no field ${index}: ${row.join(',')}`);
  return value;
}

/** Whole days since 1970-01-01 of a `YYYY-MM-DD…` text. */
export function dayNumber(text: string): number {
  return Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { literal } from '../../src/db/sql.js';
import { DATE_FORMATS } from '../../src/ingest/date-decimal.js';
import { tempWorkspace } from '../helpers/workspace.js';

// Properties of the parsing rules (the macros of src/db/macros.ts and the date patterns of
// src/ingest/date-decimal.ts) on thousands of generated values whose true value the generator knows: a number
// written with any digit grouping and either decimal separator reads back as that number; a date written in
// any known format reads back as that date and time, and an impossible date (31.02) reads as nothing.
// fast-check with a fixed seed, so a failure is reproducible and the run is the same every time.

const SEED = 20261208;
const RUNS = 4000;
const NBSP = '\u00a0';
const THIN = '\u202f';

let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => ({ ws, cleanup } = await tempWorkspace()));
afterAll(() => cleanup());

interface NumberText {
  text: string;
  decimal: '.' | ',';
  value: number;
}

/** Digits of the integer part grouped by threes with `sep` ('' for none). */
function grouped(digits: string, sep: string): string {
  if (sep === '') return digits;
  const out: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out.join(sep);
}

const numberText: fc.Arbitrary<NumberText> = fc
  .record({
    int: fc.integer({ min: 0, max: 99_999_999 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
    negative: fc.boolean(),
    decimal: fc.constantFrom<'.' | ','>('.', ','),
    group: fc.constantFrom('', ' ', NBSP, THIN, 'mark'),
  })
  .map(({ int, fraction, negative, decimal, group }) => {
    // With a decimal point, commas may group thousands; with a decimal comma, dots may.
    const sep = group === 'mark' ? (decimal === '.' ? ',' : '.') : group;
    const digits = String(int);
    const body = grouped(digits, sep) + (fraction === undefined ? '' : `${decimal}${fraction}`);
    const value = Number(`${digits}${fraction === undefined ? '' : `.${fraction}`}`);
    return { text: `${negative ? '-' : ''}${body}`, decimal, value: negative ? -value : value };
  });

describe('numbers: any grouping, either decimal separator', () => {
  it('read back as the number written', async () => {
    const samples = fc.sample(numberText, { seed: SEED, numRuns: RUNS });
    const rows = await ws.all<{ i: number; got: number | null }>(
      `SELECT i, CASE WHEN d = ',' THEN cl_num_comma(t) ELSE cl_num_dot(t) END AS got
       FROM (SELECT unnest(range(len(ts))) AS i, unnest(ts) AS t, unnest(ds) AS d
             FROM (SELECT from_json($1, '["VARCHAR"]') AS ts, from_json($2, '["VARCHAR"]') AS ds))
       ORDER BY i`,
      [JSON.stringify(samples.map((s) => s.text)), JSON.stringify(samples.map((s) => s.decimal))],
    );
    const wrong = rows.filter((r) => r.got !== samples[r.i]!.value).map((r) => samples[r.i]);
    expect(rows).toHaveLength(RUNS);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

interface DateText {
  text: string;
  format: string;
  /** yyyy-mm-dd hh:mm:ss, or null for an impossible date. */
  value: string | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const dateText: fc.Arbitrary<DateText> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    time: fc.constantFrom('none', 'hm', 'hms'),
    format: fc.constantFrom('dd.mm.yyyy', 'mm/dd/yyyy', 'dd/mm/yyyy', 'dd-mm-yyyy', 'yyyy/mm/dd', 'iso'),
  })
  .map(({ year, month, day, hour, minute, second, time, format }) => {
    const real = new Date(Date.UTC(year, month - 1, day));
    const valid = real.getUTCMonth() === month - 1 && real.getUTCDate() === day;
    const [d, m, y] = [pad(day), pad(month), pad(year, 4)];
    const datePart =
      format === 'dd.mm.yyyy'
        ? `${d}.${m}.${y}`
        : format === 'mm/dd/yyyy'
          ? `${m}/${d}/${y}`
          : format === 'dd/mm/yyyy'
            ? `${d}/${m}/${y}`
            : format === 'dd-mm-yyyy'
              ? `${d}-${m}-${y}`
              : format === 'yyyy/mm/dd'
                ? `${y}/${m}/${d}`
                : `${y}-${m}-${d}`;
    const [h, mi, s] = time === 'none' ? [0, 0, 0] : [hour, minute, time === 'hms' ? second : 0];
    const timePart =
      time === 'none'
        ? ''
        : time === 'hm'
          ? ` ${hour}:${pad(minute)}`
          : ` ${pad(hour)}:${pad(minute)}:${pad(second)}`;
    return {
      text: datePart + timePart,
      format,
      value: valid ? `${y}-${m}-${d} ${pad(h)}:${pad(mi)}:${pad(s)}` : null,
    };
  });

/** The staging's reading of a date column in `format` (src/ingest/staging.ts, parseExpr). */
function dateSql(format: string, text: string): string {
  const f = DATE_FORMATS[format]!;
  return f.patterns === 'iso'
    ? `TRY_CAST(${text} AS TIMESTAMP)`
    : `try_strptime(${text}, [${f.patterns.map(literal).join(', ')}])`;
}

describe('dates: every known format, with and without a time', () => {
  it('read back as the date and time written, and an impossible date as nothing', async () => {
    const samples = fc.sample(dateText, { seed: SEED, numRuns: RUNS });
    const formats = [...new Set(samples.map((s) => s.format))];
    const cases = formats.map((f) => `WHEN f = ${literal(f)} THEN ${dateSql(f, 't')}`).join(' ');
    const rows = await ws.all<{ i: number; got: string | null }>(
      `SELECT i, strftime(CASE ${cases} END, '%Y-%m-%d %H:%M:%S') AS got
       FROM (SELECT unnest(range(len(ts))) AS i, unnest(ts) AS t, unnest(fs) AS f
             FROM (SELECT from_json($1, '["VARCHAR"]') AS ts, from_json($2, '["VARCHAR"]') AS fs))
       ORDER BY i`,
      [JSON.stringify(samples.map((s) => s.text)), JSON.stringify(samples.map((s) => s.format))],
    );
    const wrong = rows
      .filter((r) => r.got !== samples[r.i]!.value)
      .map((r) => ({ ...samples[r.i], got: r.got }));
    expect(rows).toHaveLength(RUNS);
    expect(samples.filter((s) => s.value === null).length).toBeGreaterThan(50);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { generateDemo, type DemoResult } from '../../src/demo/index.js';
import { InputError } from '../../src/errors.js';
import { ingestFile } from '../../src/ingest/load.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';
import { field, readCsv } from './read.js';

const AT = '2025-12-01';
const { dir, cleanup } = tempDir('clientele-demo-split-');
afterAll(cleanup);

// Two blocks of customers, so the split run on two threads also moves both parts between threads.
const CUSTOMERS = 10_600;
let whole: DemoResult;
let split: DemoResult;

beforeAll(async () => {
  const common = { customers: CUSTOMERS, seed: 21, format: 'csv' } as const;
  whole = await generateDemo({ ...common, outDir: join(dir, 'whole'), threads: 1 });
  split = await generateDemo({ ...common, outDir: join(dir, 'split'), threads: 2, splitAt: AT });
});

describe('demo --split-at', () => {
  test('the two sales files hold the lines of the unsplit file, split by date, each in its order', () => {
    const all = readCsv(whole.files.sales);
    const before = readCsv(split.files.sales);
    const from = readCsv(split.files.salesFrom ?? '');
    expect(before.header).toBe(all.header);
    expect(from.header).toBe(all.header);
    const text = (rows: string[][]) => rows.map((r) => r.join(','));
    // `date` is the third field, `YYYY-MM-DD HH:MM:SS`, so text order is date order.
    expect(text(before.rows)).toEqual(text(all.rows.filter((r) => field(r, 2) < AT)));
    expect(text(from.rows)).toEqual(text(all.rows.filter((r) => field(r, 2) >= AT)));
    expect(before.rows.length).toBeGreaterThan(0);
    expect(from.rows.length).toBeGreaterThan(0);
    expect(before.rows.length + from.rows.length).toBe(all.rows.length);
  });

  test('the result and params.json say which file holds which days', () => {
    expect(split.files.sales).toBe(join(dir, 'split', `sales-before-${AT}.csv`));
    expect(split.files.salesFrom).toBe(join(dir, 'split', `sales-from-${AT}.csv`));
    expect(existsSync(join(dir, 'split', 'sales.csv'))).toBe(false);
    const fromLines = readCsv(split.files.salesFrom ?? '').rows.length;
    expect(split.split).toEqual({
      at: AT,
      before: {
        file: split.files.sales,
        lines: whole.counts.salesLines - fromLines,
        first_day: '2023-01-01',
        last_day: '2025-11-30',
      },
      from: { file: split.files.salesFrom, lines: fromLines, first_day: AT, last_day: '2025-12-31' },
    });
    expect({ ...split.counts, salesLinesFrom: 0 }).toEqual(whole.counts);
    expect(whole.split).toBeUndefined();
    const params = JSON.parse(readFileSync(split.files.params, 'utf8')) as { split: unknown };
    expect(params.split).toEqual({
      ...split.split,
      before: { ...split.split?.before, file: `sales-before-${AT}.csv` },
      from: { ...split.split?.from, file: `sales-from-${AT}.csv` },
    });
  });

  test('the other files are those of the unsplit demo, and the same seed gives the same files', async () => {
    for (const table of ['customers', 'products', 'truth'] as const) {
      expect(readFileSync(split.files[table]).equals(readFileSync(whole.files[table])), table).toBe(true);
    }
    const again = await generateDemo({
      customers: CUSTOMERS,
      seed: 21,
      format: 'csv',
      outDir: join(dir, 'again'),
      threads: 1,
      splitAt: AT,
    });
    for (const file of ['sales', 'salesFrom', 'customers', 'truth', 'params'] as const) {
      expect(readFileSync(again.files[file] ?? '').equals(readFileSync(split.files[file] ?? '')), file).toBe(
        true,
      );
    }
  });

  test('both files load with ingest, every line accepted, one after the other', async () => {
    const ws = await Workspace.open(join(dir, 'ws.duckdb'));
    try {
      const first = await ingestFile(ws, split.files.sales);
      const second = await ingestFile(ws, split.files.salesFrom ?? '');
      expect([first.kind, second.kind]).toEqual(['sales', 'sales']);
      expect([first.rows_rejected, second.rows_rejected]).toEqual([0, 0]);
      expect(first.rows_accepted + second.rows_accepted).toBe(whole.counts.salesLines);
      expect(first.date_max! < AT).toBe(true);
      expect(second.date_min! >= AT).toBe(true);
      expect(Number(await ws.scalar(`SELECT count(*) FROM sales`))).toBe(whole.counts.salesLines);
    } finally {
      ws.close();
    }
  });

  test('Parquet output splits the same way', async () => {
    const parquet = await generateDemo({
      customers: 300,
      seed: 4,
      format: 'parquet',
      outDir: join(dir, 'parquet'),
      threads: 1,
      splitAt: '2024-07-01',
    });
    expect(parquet.files.sales).toBe(join(dir, 'parquet', 'sales-before-2024-07-01.parquet'));
    expect(parquet.files.salesFrom).toBe(join(dir, 'parquet', 'sales-from-2024-07-01.parquet'));
    for (const file of [parquet.files.sales, parquet.files.salesFrom ?? '']) {
      expect(existsSync(file)).toBe(true);
      expect(existsSync(file.replace(/\.parquet$/, '.csv'))).toBe(false);
    }
    const ws = await Workspace.open(join(dir, 'parquet.duckdb'));
    try {
      const first = await ingestFile(ws, parquet.files.sales);
      const second = await ingestFile(ws, parquet.files.salesFrom ?? '');
      expect(first.rows_accepted).toBe(parquet.split?.before.lines);
      expect(second.rows_accepted).toBe(parquet.split?.from.lines);
      expect(first.rows_accepted + second.rows_accepted).toBe(parquet.counts.salesLines);
    } finally {
      ws.close();
    }
  });

  test.each([
    ['not the first of a month', '2025-12-02', /first day of a month/],
    ['not a date', 'december', /first day of a month/],
    ['the first day of the period', '2023-01-01', /inside the period/],
    ['after the period', '2026-01-01', /inside the period/],
  ])('rejects a split date %s with an InputError', async (_name, splitAt, message) => {
    const attempt = generateDemo({
      customers: 10,
      seed: 1,
      format: 'csv',
      outDir: join(dir, 'bad'),
      threads: 1,
      splitAt,
    });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(message);
  });

  test('the command line takes --split-at and reports the two files', async () => {
    const out = join(dir, 'cli');
    const run = await cli('demo', '--customers', '200', '--split-at', '2025-06-01', '--out', out, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as DemoResult;
    expect(result.split?.at).toBe('2025-06-01');
    expect(result.files.salesFrom).toBe(join(out, 'sales-from-2025-06-01.csv'));
    const bad = await cli('demo', '--customers', '200', '--split-at', '2025-06-15', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/first day of a month/);
  });
});

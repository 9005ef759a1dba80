import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeSummary } from '../../src/analyze/analyze.js';
import { Workspace } from '../../src/db/workspace.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { cli } from '../helpers/cli.js';
import { splitCsvByDate } from '../helpers/split-file.js';
import { storedAnalysis } from '../helpers/stored-analysis.js';
import { DATA, tempDir } from '../helpers/workspace.js';

// The monthly refresh: a base analysed, one more month of sales loaded, analysed again. Only the new month
// ends are computed (from the stored state of the last month end), and everything stored is then identical,
// row for row and to the last digit, to an analysis of the same data from scratch (issue 12).

async function open(dir: string, name: string): Promise<Workspace> {
  return Workspace.open(join(dir, name));
}

describe('an incremental refresh of the demo retailer, split at 2025-12-01', () => {
  const { dir, cleanup } = tempDir();
  let first: AnalyzeSummary;
  let second: AnalyzeSummary;
  let incremental: Record<string, string[]>;
  let scratch: Record<string, string[]>;
  beforeAll(async () => {
    const demo = await generateDemo({
      customers: 1500,
      seed: 5,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    const [a, b] = await splitCsvByDate(
      demo.files.sales,
      'date',
      '2025-12-01',
      join(dir, 'a.csv'),
      join(dir, 'b.csv'),
    );
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const ws = await open(dir, 'refresh.duckdb');
    await ingestFile(ws, join(dir, 'a.csv'));
    first = await analyze(ws);
    await ingestFile(ws, join(dir, 'b.csv'));
    second = await analyze(ws);
    incremental = await storedAnalysis(ws);
    ws.close();
    const fresh = await open(dir, 'fresh.duckdb');
    await ingestFile(fresh, demo.files.sales);
    await analyze(fresh);
    scratch = await storedAnalysis(fresh);
    fresh.close();
  });
  afterAll(() => cleanup());

  it('computes only the new month end and keeps the 23 others', () => {
    expect(first.as_of).toBe('2025-11-30');
    expect(first.snapshots_computed).toHaveLength(24);
    expect(first.snapshots_kept).toEqual([]);
    expect(second.as_of).toBe('2025-12-31');
    expect(second.snapshots_computed).toEqual(['2025-12-31']);
    expect(second.snapshots_kept).toHaveLength(23);
    expect(second.snapshots_kept[0]).toBe('2024-01-31');
    expect(second.refresh_reasons).toEqual([]);
  });

  it('stores exactly what an analysis from scratch stores', () => {
    expect(Object.keys(incremental)).toEqual(Object.keys(scratch));
    for (const key of Object.keys(scratch)) expect(incremental[key], key).toEqual(scratch[key]);
    expect(scratch['customer_snapshots']!.length).toBeGreaterThan(10_000);
  });
});

describe('an incremental refresh of Online Retail, split at 2011-11-01', () => {
  const { dir, cleanup } = tempDir();
  const FILE = `${DATA}online_retail/online_retail.csv`;
  let second: AnalyzeSummary;
  let late: AnalyzeSummary;
  let refreshed: Record<string, string[]>;
  let scratch: Record<string, string[]>;
  let lateStored: Record<string, string[]>;
  let lateScratch: Record<string, string[]>;
  beforeAll(async () => {
    await splitCsvByDate(FILE, 'InvoiceDate', '2011-11-01', join(dir, 'a.csv'), join(dir, 'b.csv'));
    // A late file: lines dated inside an analysed month (one known customer, one new).
    writeFileSync(
      join(dir, 'late.csv'),
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
        'L1,85123A,LATE LINE,2,2011-06-15 10:00:00,2.55,17850.0,United Kingdom\n' +
        'L2,71053,LATE LINE,1,2011-06-20 11:00:00,3.39,99999.0,United Kingdom\n',
    );
    const ws = await open(dir, 'refresh.duckdb');
    await ingestFile(ws, join(dir, 'a.csv'));
    await analyze(ws);
    await ingestFile(ws, join(dir, 'b.csv'));
    second = await analyze(ws);
    refreshed = await storedAnalysis(ws);
    await ingestFile(ws, join(dir, 'late.csv'));
    late = await analyze(ws);
    lateStored = await storedAnalysis(ws);
    ws.close();
    const fresh = await open(dir, 'fresh.duckdb');
    await ingestFile(fresh, FILE);
    await analyze(fresh);
    scratch = await storedAnalysis(fresh);
    await ingestFile(fresh, join(dir, 'late.csv'));
    await analyze(fresh, { full: true });
    lateScratch = await storedAnalysis(fresh);
    fresh.close();
  });
  afterAll(() => cleanup());

  it('computes the new snapshots only', () => {
    expect(second.snapshots_computed).toEqual(['2011-11-30', '2011-12-09']);
    expect(second.snapshots_kept).toHaveLength(11);
  });

  it('equals an analysis of the whole file', () => {
    for (const key of Object.keys(scratch)) expect(refreshed[key], key).toEqual(scratch[key]);
    expect(Object.keys(refreshed)).toEqual(Object.keys(scratch));
  });

  it('recomputes from the month a late load changed, says why, and still equals a full analysis', () => {
    expect(late.snapshots_kept).toEqual([
      '2010-12-31',
      '2011-01-31',
      '2011-02-28',
      '2011-03-31',
      '2011-04-30',
      '2011-05-31',
    ]);
    expect(late.snapshots_computed[0]).toBe('2011-06-30');
    expect(late.snapshots_computed).toHaveLength(7);
    expect(late.refresh_reasons.join(' ')).toMatch(
      /load #3 \(.*late\.csv\) added lines dated from 2011-06-15/,
    );
    for (const key of Object.keys(lateScratch)) expect(lateStored[key], key).toEqual(lateScratch[key]);
  });

  it('writes the same flows and cohorts, to the cent, whether the sales came in one file or two', async () => {
    for (const [name, args] of [
      ['flows', ['flows', '--from', '2011-01', '--to', '2011-11']],
      ['cohorts', ['cohorts', '--metric', 'revenue']],
    ] as const) {
      const texts: string[] = [];
      for (const ws of ['refresh.duckdb', 'fresh.duckdb']) {
        // Both workspaces at the same data: the refreshed one without the late file is `refreshed`; compare the
        // fresh analysis of all three files with the refreshed workspace's, which also holds all three.
        const out = join(dir, `${name}-${ws}.csv`);
        const r = await cli(...args, '--workspace', join(dir, ws), '--out', out);
        expect(r.code, r.err).toBe(0);
        texts.push(readFileSync(out, 'utf8'));
      }
      expect(texts[0]).toBe(texts[1]);
      // Money is written to the cent: exact sums, never 727310.7500000003.
      const [header, ...rows] = texts[0]!
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const at = header!.indexOf('revenue');
      expect(at).toBeGreaterThan(-1);
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) expect(row[at]).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { cli } from '../helpers/cli.js';
import { ONE_C_REJECTS, writeOneC, writeText } from '../helpers/fixtures.js';
import { DATA, tempDir } from '../helpers/workspace.js';

let dir: string;
let cleanup: () => void;
let wsPath: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  wsPath = join(dir, 'cli.duckdb');
});
afterAll(() => cleanup());

const BIN = new URL('../../bin/clientele.js', import.meta.url).pathname;

describe('clientele ingest --json', () => {
  it('prints the load report with the contract fields', async () => {
    const r = await cli('ingest', writeOneC(dir), '--workspace', wsPath, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of [
      'rows_read',
      'rows_accepted',
      'rows_rejected',
      'rows_anonymous',
      'rows_returns',
      'duplicate_lines',
      'customers',
      'date_min',
      'date_max',
      'mapping',
      'rejects',
    ]) {
      expect(report, key).toHaveProperty(key);
    }
    expect(report['rows_read']).toBe(10);
    const rejects = report['rejects'] as Record<string, { count: number; first_lines: number[] }>;
    expect(Object.fromEntries(Object.entries(rejects).map(([k, v]) => [k, v.first_lines]))).toEqual(
      ONE_C_REJECTS,
    );
  });

  it('prints the mapping it used in the human report', async () => {
    const r = await cli(
      'ingest',
      writeText(dir, 'b.csv', 'client;date;sum\nA;05.01.2024;1\n'),
      '--workspace',
      wsPath,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Mapping: customer_id ← client, ts ← date \(dd\.mm\.yyyy\), amount ← sum/);
    expect(r.out).toMatch(/Rows read 1 = accepted 1 \+ rejected 0/);
  });

  it('exits 2 with one paragraph and no stack trace on bad input and bad usage', async () => {
    for (const argv of [
      ['ingest', join(dir, 'missing.csv')],
      ['ingest', writeText(dir, 'e.csv', '')],
      ['ingest', writeOneC(dir), '--kind', 'orders'],
      ['ingest', writeOneC(dir), '--encoding', 'koi8'],
      ['profile', '--as-of', '2024-13-01'],
      ['no-such-command'],
    ]) {
      const r = await cli(...argv, '--workspace', wsPath);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(10);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('clientele status, profile, metrics, rejects', () => {
  it('status counts tables and lists loads', async () => {
    const r = await cli('status', '--workspace', wsPath, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as {
      tables: Record<string, number>;
      loads: unknown[];
      sales: { date_min: string };
    };
    expect(s.tables['sales']).toBe(7);
    expect(s.tables['rejects']).toBe(4);
    expect(s.loads).toHaveLength(2);
    expect(s.sales.date_min).toBe('2024-01-05'); // b.csv's sale at midnight is the earliest
  });

  it('profile writes CSV, XLSX, Parquet and JSON with the same rows', async () => {
    const counts: number[] = [];
    for (const ext of ['csv', 'xlsx', 'parquet', 'json']) {
      const out = join(dir, `profile.${ext}`);
      const r = await cli('profile', '--workspace', wsPath, '--out', out, '--json');
      expect(r.code).toBe(0);
      const s = JSON.parse(r.out) as { out: { rows: number }; customers: number; as_of: string };
      expect(s.as_of).toBe('2024-01-10');
      counts.push(s.out.rows);
    }
    expect(new Set(counts)).toEqual(new Set([4]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'profile.xlsx'));
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('customer_id');
    expect(sheet.rowCount).toBe(5);
    const json = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as { customer_id: string }[];
    expect(json.map((r) => r.customer_id).sort()).toEqual(['100234', '100235', '100236', 'A']);
  });

  it('neutralizes spreadsheet formulas in CSV and XLSX exports', async () => {
    const ws2 = join(dir, 'formula.duckdb');
    await cli(
      'ingest',
      writeText(
        dir,
        'f.csv',
        'customer,date,sum\n"=HYPERLINK(""http://x"")",2024-01-01,5\n+7,2024-01-02,3\n',
      ),
      '--workspace',
      ws2,
    );
    const csv = join(dir, 'f-profile.csv');
    expect((await cli('profile', '--workspace', ws2, '--out', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`'+7`);
    const xlsx = join(dir, 'f-profile.xlsx');
    expect((await cli('profile', '--workspace', ws2, '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ids = [2, 3].map((r) => wb.worksheets[0]!.getRow(r).getCell(1).value);
    expect(ids.sort()).toEqual([`'+7`, `'=HYPERLINK("http://x")`]);
    const parquet = join(dir, 'f-profile.parquet');
    expect((await cli('profile', '--workspace', ws2, '--out', parquet)).code).toBe(0);
    const ws = await Workspace.open(join(dir, 'scratch.duckdb'));
    try {
      const raw = await ws.all(`SELECT customer_id FROM read_parquet('${parquet}') ORDER BY 1`);
      expect(raw).toEqual([{ customer_id: '+7' }, { customer_id: '=HYPERLINK("http://x")' }]);
    } finally {
      ws.close();
    }
  });

  it('metrics explains every column in both languages', async () => {
    const en = await cli('metrics');
    const ru = await cli('metrics', '--lang', 'ru');
    expect(en.out).toMatch(/^recency_days \(activity, days\) — Days since last purchase$/m);
    expect(ru.out).toMatch(/^recency_days \(activity, days\) — Дней с последней покупки$/m);
    const all = JSON.parse((await cli('metrics', '--json')).out) as { id: string; sql: string }[];
    expect(all.find((m) => m.id === 'orders')?.sql).toContain('count(DISTINCT order_id)');
  });

  it('rejects lists the rejected lines and exports them', async () => {
    const r = await cli('rejects', '--workspace', wsPath, '--load', '1', '--json');
    const j = JSON.parse(r.out) as { total: number; rows: { line: number }[] };
    expect(j.total).toBe(4);
    expect(j.rows.map((x) => x.line)).toEqual([9, 10, 14, 15]);
    const out = join(dir, 'rejects.csv');
    expect((await cli('rejects', '--workspace', wsPath, '--load', '1', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('line,reason,message,column,raw');
  });
});

describe('the installed command', () => {
  it('runs as a process and exits 2 without a stack trace on bad input', () => {
    const r = spawnSync(
      process.execPath,
      [BIN, 'ingest', join(dir, 'nothing-here.csv'), '--workspace', join(dir, 'p.duckdb')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^clientele: Cannot read .*nothing-here\.csv: there is no such file\.\n$/);
  });

  it('loads a real file end to end', () => {
    const r = spawnSync(
      process.execPath,
      [BIN, 'ingest', `${DATA}cdnow/cdnowElog.csv`, '--workspace', join(dir, 'p2.duckdb'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 6919, customers: 2357 });
  });
});

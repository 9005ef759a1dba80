import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { PROFILE_COLUMNS } from '../../src/metrics/index.js';
import { runProfile, type ProfileSummary } from '../../src/profile/profile.js';
import { parseCsv } from '../helpers/csv.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

let s: TestServer;
let expected: ProfileSummary;
let badLoad: number;

/** CDNOW sales, a customers file (one region looks like a formula), and a sales file with rejected lines. */
beforeAll(async () => {
  s = await startServer({}, async (ws, dir) => {
    await ingestFile(ws, join(DATA, 'cdnow/cdnowElog.csv'));
    const customers = writeText(
      dir,
      'customers.csv',
      'customer_id;name;email;region;segment\n4;Anna Ivanova;anna@example.com;=1+1;gold\n21;Boris;;Moscow;silver\n999999;Nobody;;Kazan;\n',
    );
    await ingestFile(ws, customers, { kind: 'customers' });
    const bad = writeText(
      dir,
      'bad.csv',
      'customer,date,amount\n4,1998-06-30,10\n=cmd|calc,not-a-date,5\n7,1998-06-01,abc\n',
    );
    badLoad = (await ingestFile(ws, bad)).load_id;
    expected = await runProfile(ws, {});
  });
});
afterAll(() => s.cleanup());

const get = (url: string) => s.app.inject({ url, headers: AUTH });

describe('GET /api/status', () => {
  it('reports the tables, the sales and the loads', async () => {
    const r = await get('/api/status');
    expect(r.statusCode).toBe(200);
    const body = json<{
      tables: Record<string, number>;
      loads: Row[];
      upload_limit_bytes: number;
      sales: Row;
    }>(r);
    expect(body.tables['sales']).toBe(6920);
    expect(body.tables['customers']).toBe(3);
    expect(body.tables['rejects']).toBe(2);
    expect(body.loads.map((l) => l['kind'])).toEqual(['sales', 'customers', 'sales']);
    expect(body.upload_limit_bytes).toBe(2_000_000_000);
    expect(body.sales['date_max']).toBe('1998-06-30');
  });
});

describe('GET /api/metrics', () => {
  it('gives the catalogue in English and Russian, covering every profile column', async () => {
    const en = json<{ metrics: Row[] }>(await get('/api/metrics')).metrics;
    const ru = json<{ metrics: Row[] }>(await get('/api/metrics?lang=ru')).metrics;
    const ids = en.map((m) => m['id']);
    for (const column of PROFILE_COLUMNS) expect(ids).toContain(column);
    const orders = (list: Row[]) => list.find((m) => m['id'] === 'orders');
    expect(orders(en)).toMatchObject({ group: 'transactions', unit: 'count', name: 'Orders' });
    expect(orders(ru)?.['name']).toBe('Заказов');
    expect(String(orders(ru)?.['method'])).toMatch(/заказ/);
  });

  it('refuses another language', async () => {
    expectError(await get('/api/metrics?lang=fr'), 400, /lang/);
  });
});

describe('GET /api/profile and /api/profile/summary', () => {
  it('summarizes exactly as the engine does', async () => {
    const body = json<Row>(await get('/api/profile/summary'));
    for (const key of ['as_of', 'customers', 'orders', 'repeat_customers', 'active_90d'] as const) {
      expect(body[key], key).toEqual(expected[key]);
    }
    expect(body['revenue']).toBeCloseTo(expected.revenue, 6);
    expect(body['gross_revenue']).toBeCloseTo(expected.gross_revenue, 6);
    expect(body['mean_aov']).toBeCloseTo(expected.mean_aov ?? 0, 9);
    expect(body['columns']).toEqual(expected.columns);
  });

  it('pages through the profile sorted by revenue by default', async () => {
    const first = json<{ total: number; rows: Row[]; as_of: string }>(await get('/api/profile?limit=20'));
    expect(first.total).toBe(expected.customers);
    expect(first.as_of).toBe('1998-06-30');
    expect(first.rows).toHaveLength(20);
    const revenues = first.rows.map((r) => Number(r['revenue']));
    expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
    const second = json<{ rows: Row[] }>(await get('/api/profile?limit=10&offset=10'));
    expect(second.rows[0]).toEqual(first.rows[10]);
  });

  it('sorts by any column, both ways', async () => {
    const asc = json<{ rows: Row[] }>(await get('/api/profile?sort=orders&order=asc&limit=50')).rows;
    const orders = asc.map((r) => Number(r['orders']));
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    const last = json<{ rows: Row[] }>(await get('/api/profile?sort=last_purchase&order=desc&limit=1'))
      .rows[0];
    expect(last?.['last_purchase']).toBe('1998-06-30');
  });

  it('searches ids, and names, e-mails and phones of the customers file', async () => {
    const byName = json<{ total: number; rows: Row[] }>(await get('/api/profile?search=ivanova'));
    expect(byName.rows.map((r) => r['customer_id'])).toEqual(['4']);
    const byId = json<{ total: number; rows: Row[] }>(await get('/api/profile?search=2335&limit=1000'));
    expect(byId.total).toBeGreaterThan(0);
    for (const row of byId.rows) expect(String(row['customer_id'])).toContain('2335');
    expect(json<{ total: number }>(await get('/api/profile?search=zzz-none')).total).toBe(0);
  });

  it('computes at an earlier as-of date', async () => {
    const early = json<{ total: number; as_of: string }>(await get('/api/profile?as_of=1997-01-31&limit=1'));
    expect(early.as_of).toBe('1997-01-31');
    expect(early.total).toBeLessThan(expected.customers);
    const summary = json<Row>(await get('/api/profile/summary?as_of=1997-01-31'));
    expect(summary['customers']).toBe(early.total);
  });

  it('refuses bad parameters with a message', async () => {
    expectError(await get('/api/profile?sort=nope'), 400, /sort must be a profile column/);
    expectError(await get('/api/profile?order=up'), 400, /order/);
    expectError(await get('/api/profile?limit=5000'), 400, /limit/);
    expectError(await get('/api/profile?limit=-1'), 400, /limit/);
    expectError(await get('/api/profile?offset=x'), 400, /offset/);
    expectError(await get('/api/profile?as_of=31.01.1997'), 400, /YYYY-MM-DD/);
    expectError(await get('/api/profile?as_of=1996-01-01'), 400, /before the first sale/);
    expectError(await get('/api/profile?format=pdf'), 400, /format/);
    expectError(await get(`/api/profile?search=${'x'.repeat(201)}`), 400, /search/);
    expectError(await get('/api/profile/summary?as_of=2024-02-30'), 400, /YYYY-MM-DD/);
  });

  it('downloads the whole filtered, sorted table as CSV with formula text neutralized', async () => {
    const r = await get('/api/profile?format=csv&sort=orders&order=desc');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="profile-1998-06-30.csv"/);
    const rows = parseCsv(r.body);
    expect(rows[0]).toEqual(expected.columns);
    expect(rows.filter((row) => row.length > 1)).toHaveLength(expected.customers + 1);
    const region = rows[0]?.indexOf('region') ?? -1;
    const anna = rows.find((row) => row[0] === '4');
    expect(anna?.[region]).toBe("'=1+1");
    const filtered = parseCsv((await get('/api/profile?format=csv&search=ivanova')).body);
    expect(filtered.filter((row) => row.length > 1)).toHaveLength(2);
  });

  it('downloads it as an Excel workbook', async () => {
    const r = await get('/api/profile?format=xlsx&search=ivanova');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('customer_id');
    expect(sheet?.getRow(2).getCell(1).value).toBe('4');
    expect(sheet?.rowCount).toBe(2);
  });
});

describe('GET /api/overview/monthly', () => {
  it('gives every month with new and active customers, orders and revenue', async () => {
    const body = json<{ as_of: string; months: Row[] }>(await get('/api/overview/monthly'));
    expect(body.months.map((m) => m['month'])).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `1997-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `1998-0${i + 1}`),
    ]);
    const sum = (key: string) => body.months.reduce((a, m) => a + Number(m[key]), 0);
    expect(sum('new_customers')).toBe(expected.customers);
    expect(sum('orders')).toBe(expected.orders);
    expect(sum('revenue')).toBeCloseTo(expected.revenue, 2);
    // The CDNOW cohort made its first purchases in Q1 1997 (../shared/data/cdnow/README.md).
    expect(body.months.slice(3).every((m) => m['new_customers'] === 0)).toBe(true);
  });

  it('downloads as CSV and refuses a bad date', async () => {
    const r = await get('/api/overview/monthly?format=csv&as_of=1997-03-31');
    expect(parseCsv(r.body).filter((row) => row.length > 1)).toHaveLength(4);
    expectError(await get('/api/overview/monthly?as_of=tomorrow'), 400, /YYYY-MM-DD/);
  });
});

describe('GET /api/customers/:id', () => {
  it("gives the customer's profile row, attributes, months and sales lines", async () => {
    const card = json<{
      profile: Row;
      attributes: Row;
      monthly: Row[];
      sales: { total: number; rows: Row[] };
      as_of: string;
      predictions: Row | null;
    }>(await get('/api/customers/4'));
    const row = json<{ rows: Row[] }>(await get('/api/profile?search=ivanova')).rows[0];
    expect(card.profile).toEqual(row);
    expect(card.as_of).toBe('1998-06-30');
    expect(card.attributes).toMatchObject({
      name: 'Anna Ivanova',
      email: 'anna@example.com',
      region: '=1+1',
      segment: 'gold',
    });
    expect(card.sales.total).toBe(5);
    expect(card.sales.rows[0]).toMatchObject({ ts: '1998-06-30 00:00:00', amount: 10 });
    expect(card.monthly.map((m) => m['month'])).toEqual(['1997-01', '1997-08', '1997-12', '1998-06']);
    expect(card.predictions).toBeNull(); // `predict` has not run (test/server/models.test.ts has them)
  });

  it('cuts the history at the as-of date', async () => {
    const card = json<{ sales: { total: number }; profile: Row }>(
      await get('/api/customers/4?as_of=1997-06-30'),
    );
    expect(card.sales.total).toBe(2);
    expect(card.profile['orders']).toBe(2);
  });

  it('knows customers who are only in the customers file', async () => {
    const card = json<{ profile: unknown; attributes: Row; sales: { total: number } }>(
      await get('/api/customers/999999'),
    );
    expect(card.profile).toBeNull();
    expect(card.attributes['region']).toBe('Kazan');
    expect(card.sales.total).toBe(0);
  });

  it('answers 404 for an unknown customer and 400 for a bad date', async () => {
    expectError(await get('/api/customers/no-such-customer'), 404, /no customer "no-such-customer"/);
    expectError(await get('/api/customers/4?as_of=1998-13-01'), 400, /YYYY-MM-DD/);
  });

  it('pages and downloads the sales lines', async () => {
    const page = json<{ total: number; rows: Row[] }>(await get('/api/customers/4/sales?limit=2&offset=1'));
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
    const csv = parseCsv((await get('/api/customers/4/sales?format=csv')).body).filter(
      (row) => row.length > 1,
    );
    expect(csv).toHaveLength(6);
    expect(csv[0]).toContain('amount');
    expectError(await get('/api/customers/nobody/sales'), 404);
    expectError(await get('/api/customers/4/sales?limit=x'), 400, /limit/);
    expectError(await get('/api/customers/4/sales?format=ods'), 400, /format/);
  });
});

describe('GET /api/loads and rejects', () => {
  it('lists the loads newest first and gives each report', async () => {
    const loads = json<{ loads: Row[] }>(await get('/api/loads')).loads;
    expect(loads.map((l) => l['load_id'])).toEqual([3, 2, 1]);
    expect(loads[2]).toMatchObject({ kind: 'sales', rows_read: 6919, rows_accepted: 6919, rows_rejected: 0 });
    const report = json<Row>(await get(`/api/loads/${badLoad}`));
    expect(report).toMatchObject({ load_id: badLoad, rows_read: 3, rows_accepted: 1, rows_rejected: 2 });
    expect(Object.keys(report['rejects'] as Row).sort()).toEqual(['bad_amount', 'bad_date']);
    const csv = parseCsv((await get('/api/loads?format=csv')).body).filter((row) => row.length > 1);
    expect(csv).toHaveLength(4);
  });

  it('gives the rejected rows with their lines and reasons, and downloads them neutralized', async () => {
    const body = json<{ total: number; rows: Row[] }>(await get(`/api/loads/${badLoad}/rejects`));
    expect(body.total).toBe(2);
    expect(body.rows.map((r) => [r['line'], r['reason']])).toEqual([
      [3, 'bad_date'],
      [4, 'bad_amount'],
    ]);
    expect(body.rows[0]?.['raw']).toBe('=cmd|calc,not-a-date,5');
    expect(json<{ rows: Row[] }>(await get(`/api/loads/${badLoad}/rejects?limit=1`)).rows).toHaveLength(1);
    const csv = parseCsv((await get(`/api/loads/${badLoad}/rejects?format=csv`)).body);
    expect(csv[0]).toEqual(['line', 'reason', 'message', 'column', 'raw']);
    expect(csv[1]?.[4]).toBe("'=cmd|calc,not-a-date,5");
    const xlsx = await get(`/api/loads/${badLoad}/rejects?format=xlsx`);
    expect(xlsx.headers['content-disposition']).toMatch(/load-3-rejects\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(5).value).toBe("'=cmd|calc,not-a-date,5");
  });

  it('answers 404 for an unknown load and 400 for a bad id', async () => {
    expectError(await get('/api/loads/99'), 404, /no load 99/);
    expectError(await get('/api/loads/99/rejects'), 404, /no load 99/);
    expectError(await get('/api/loads/abc'), 400, /id/);
    expectError(await get('/api/loads/0/rejects'), 400, /id/);
    expectError(await get('/api/loads/1/rejects?limit=100000'), 400, /limit/);
    expectError(await get('/api/loads?format=txt'), 400, /format/);
  });

  it('leaves no download files behind', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const root = join(s.dir, '.clientele-uploads');
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('documents every endpoint', async () => {
    const doc = json<{ paths: Record<string, Record<string, { summary?: string }>> }>(
      await get('/docs/json'),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        return `${method.toUpperCase()} ${path}`;
      }),
    );
    expect(documented.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/session',
        'POST /api/session',
        'DELETE /api/session',
        'GET /api/status',
        'GET /api/metrics',
        'GET /api/profile',
        'GET /api/profile/summary',
        'GET /api/overview/monthly',
        'GET /api/customers/{id}',
        'GET /api/customers/{id}/sales',
        'POST /api/ingest/preview',
        'POST /api/ingest',
        'GET /api/jobs',
        'GET /api/jobs/{id}',
        'GET /api/loads',
        'GET /api/loads/{id}',
        'GET /api/loads/{id}/rejects',
        'GET /api/structure',
        'GET /api/flows',
        'GET /api/triggers',
        'GET /api/cohorts',
        // segments area
        'GET /api/rfm',
        'GET /api/segments',
        'GET /api/products',
        'GET /api/pivot',
        'GET /api/pivot/options',
        'GET /api/campaigns',
        'GET /api/campaigns/fields',
        'POST /api/campaigns/plan',
        'POST /api/campaigns',
        'GET /api/campaigns/{id}',
        'GET /api/campaigns/{id}/evaluate',
        'GET /api/campaigns/{id}/contacts',
        // models area
        'POST /api/analyze',
        'POST /api/predict',
        'GET /api/predictions',
        'GET /api/predictions/at-risk',
        'GET /api/predictions/stages',
        'GET /api/models/fit',
        'GET /api/models/validate',
        'GET /api/customers/{id}/history',
        'GET /api/models/status',
      ].sort(),
    );
  });
});

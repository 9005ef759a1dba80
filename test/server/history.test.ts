import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { Workspace } from '../../src/db/workspace.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { STAGES } from '../../src/segments/stages.js';
import { parseCsv } from '../helpers/csv.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

/** One customer at one snapshot, as `analyze` stored it: the raw rows every expected figure is computed from. */
interface Cell {
  customer_id: string;
  snapshot_id: number;
  month: string;
  stage: string;
  rfm_segment: string;
  period_revenue: number;
  revenue: number;
}

/**
 * Cohorts from the sales lines alone: a customer's cohort is the month of their first purchase line; in each
 * snapshot month from it on they count in the cohort, as active when they have a purchase line in the month,
 * with the month's net amount.
 */
const COHORTS_FROM_SALES = `WITH firsts AS (
    SELECT customer_id, strftime(min(ts) FILTER (WHERE amount > 0), '%Y-%m') AS cohort
    FROM sales WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING cohort IS NOT NULL),
  months AS (
    SELECT customer_id, strftime(ts, '%Y-%m') AS month, bool_or(amount > 0) AS bought, sum(amount) AS revenue
    FROM sales WHERE customer_id IS NOT NULL GROUP BY ALL)
  SELECT f.cohort, s.month, count(*) AS customers, count(*) FILTER (WHERE m.bought) AS active,
    CAST(coalesce(sum(m.revenue), 0) AS DOUBLE) AS revenue
  FROM firsts f JOIN snapshots s ON s.month >= f.cohort
  LEFT JOIN months m ON m.customer_id = f.customer_id AND m.month = s.month
  GROUP BY ALL`;

let s: TestServer;
let bare: TestServer;
let single: TestServer;
let cells: Cell[];
let months: string[];
/** Cohort cells computed from the sales lines (not from the analysis), key `cohort|month`. */
let fromSales: Map<string, Row>;
/** The customer the test renamed to a formula, one of the active → falling asleep movers of the last month. */
let renamed: string;

/** The demo retailer (900 customers, 2023–2025) with a 24-month analysis; one mover gets a formula for a name. */
beforeAll(async () => {
  s = await startServer({}, async (ws, dir) => {
    const demo = await generateDemo({
      customers: 900,
      seed: 5,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    await ingestFile(ws, demo.files.sales);
    await ingestFile(ws, demo.files.customers);
    await analyze(ws, { months: 24 });
    cells = await ws.all<Cell>(
      `SELECT c.customer_id, c.snapshot_id, s.month, CAST(c.stage AS VARCHAR) AS stage,
         CAST(c.rfm_segment AS VARCHAR) AS rfm_segment, c.period_revenue, c.revenue
       FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)`,
    );
    months = (await ws.all<{ month: string }>(`SELECT month FROM snapshots ORDER BY snapshot_id`)).map(
      (r) => r.month,
    );
    fromSales = new Map(
      (await ws.all(COHORTS_FROM_SALES)).map((r) => [`${String(r['cohort'])}|${String(r['month'])}`, r]),
    );
    renamed = moved('active', 'falling_asleep', months.length - 2, months.length - 1)[0]!;
    const file = writeText(dir, 'rename.csv', `customer_id,name,region\n${renamed},=1+2,@SUM(A1)\n`);
    await ingestFile(ws, file, { kind: 'customers' });
  });
  bare = await startServer({}, async (ws) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
  });
  single = await startServer({}, async (ws: Workspace) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    await analyze(ws, { asOf: '2010-11-30', months: 1 });
  });
}, 60_000);
afterAll(async () => {
  await s?.cleanup();
  await bare?.cleanup();
  await single?.cleanup();
});

const get = (url: string, server = s) => server.app.inject({ url, headers: AUTH });

function at(snapshot: number): Map<string, Cell> {
  return new Map(cells.filter((c) => c.snapshot_id === snapshot).map((c) => [c.customer_id, c]));
}

/** Customer ids in `fromStage` at snapshot `from` and `toStage` at `to`, by revenue at `to` then id. */
function moved(fromStage: string, toStage: string, from: number, to: number): string[] {
  const before = at(from);
  return [...at(to).values()]
    .filter((c) => c.stage === toStage && before.get(c.customer_id)?.stage === fromStage)
    .sort((a, b) => b.revenue - a.revenue || (a.customer_id < b.customer_id ? -1 : 1))
    .map((c) => c.customer_id);
}

/** The transition matrix computed from the raw rows: key `from|to` (from '' = entered). */
function expectedMatrix(
  by: 'stage' | 'rfm_segment',
  from: number,
  to: number,
): Map<string, { customers: number; revenue: number }> {
  const before = at(from);
  const revenue = new Map<string, number>();
  for (const c of cells) {
    if (c.snapshot_id > from && c.snapshot_id <= to)
      revenue.set(c.customer_id, (revenue.get(c.customer_id) ?? 0) + c.period_revenue);
  }
  const out = new Map<string, { customers: number; revenue: number }>();
  for (const c of at(to).values()) {
    const key = `${before.get(c.customer_id)?.[by] ?? ''}|${c[by]}`;
    const cell = out.get(key) ?? { customers: 0, revenue: 0 };
    cell.customers++;
    cell.revenue += revenue.get(c.customer_id) ?? 0;
    out.set(key, cell);
  }
  return out;
}

function expectMatrix(rows: Row[], expected: Map<string, { customers: number; revenue: number }>): void {
  expect(rows).toHaveLength(expected.size);
  for (const r of rows) {
    const want = expected.get(`${(r['from_stage'] as string | null) ?? ''}|${String(r['to_stage'])}`);
    expect(want, JSON.stringify(r)).toBeDefined();
    expect(r['customers']).toBe(want?.customers);
    expect(r['revenue'] as number).toBeCloseTo(want?.revenue ?? NaN, 1);
  }
}

async function xlsxRows(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/structure', () => {
  it('counts the customers and their month revenue per stage at every snapshot, as the stored rows say', async () => {
    const body = json<{ as_of: string; stages: Row[]; snapshots: Row[] }>(await get('/api/structure'));
    expect(body.as_of).toBe('2025-12-31');
    expect(body.stages.map((l) => l['id'])).toEqual([...STAGES]);
    expect(body.stages.find((l) => l['id'] === 'falling_asleep')).toMatchObject({ ru: 'засыпающий' });
    expect(body.snapshots.map((r) => r['month'])).toEqual(months);
    expect(months).toHaveLength(24);
    for (const [i, row] of body.snapshots.entries()) {
      const here = [...at(i).values()];
      expect(row['customers']).toBe(here.length);
      const total = here.reduce((a, c) => a + c.period_revenue, 0);
      expect(row['revenue'] as number).toBeCloseTo(total, 1);
      for (const stage of STAGES) {
        const inStage = here.filter((c) => c.stage === stage);
        expect(row[`${stage}_customers`], `${row['month']} ${stage}`).toBe(inStage.length);
        const revenue = inStage.reduce((a, c) => a + c.period_revenue, 0);
        expect(row[`${stage}_revenue`] as number).toBeCloseTo(revenue, 1);
      }
    }
    // The demo base grows, and every stage shows up somewhere in two years.
    const last = body.snapshots[23]!;
    expect(last['customers'] as number).toBeGreaterThan(body.snapshots[0]!['customers'] as number);
    for (const stage of STAGES)
      expect(body.snapshots.some((r) => (r[`${stage}_customers`] as number) > 0)).toBe(true);
  });

  it('downloads the same table as CSV and Excel', async () => {
    const csv = await get('/api/structure?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/structure-2025-12-31\.csv/);
    const rows = parseCsv(csv.body).filter((r) => r.length > 1);
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['snapshot_id', 'month', 'as_of', 'customers', 'revenue']);
    expect(header).toContain('restored_customers');
    expect(rows).toHaveLength(25);
    const lastMonth = rows[24]!;
    expect(lastMonth[header.indexOf('month')]).toBe('2025-12');
    expect(Number(lastMonth[header.indexOf('lost_customers')])).toBe(
      [...at(23).values()].filter((c) => c.stage === 'lost').length,
    );
    const xlsx = await get('/api/structure?format=xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const sheet = await xlsxRows(xlsx.rawPayload);
    expect(sheet).toHaveLength(25);
    expect(sheet[0]).toEqual(header);
    expect(sheet[24]?.[header.indexOf('customers')]).toBe(at(23).size);
  });
});

describe('GET /api/flows', () => {
  it('gives the matrix from the month before the last to the last by default', async () => {
    const body = json<{
      by: string;
      from: string;
      to: string;
      months: string[];
      matrix: Row[];
      labels: Row[];
      stages: Row[];
    }>(await get('/api/flows'));
    expect(body).toMatchObject({ as_of: '2025-12-31', by: 'stage', from: '2025-11', to: '2025-12' });
    expect(body.stages.map((l) => l['id'])).toEqual([...STAGES]);
    expect(body.months).toEqual(months);
    expect(body.labels.map((l) => l['id'])).toEqual([...STAGES]);
    expectMatrix(body.matrix, expectedMatrix('stage', 22, 23));
    // The rows with a known earlier stage add up to the base at the earlier snapshot.
    const stayed = body.matrix.filter((r) => r['from_stage'] !== null);
    expect(stayed.reduce((a, r) => a + (r['customers'] as number), 0)).toBe(at(22).size);
    expect(body.matrix.some((r) => r['from_stage'] === null && r['to_stage'] === 'new')).toBe(true);
  });

  it('compares any two months, by stage or by RFM segment', async () => {
    const far = json<{ matrix: Row[] }>(await get('/api/flows?from=2025-06&to=2025-12'));
    expectMatrix(far.matrix, expectedMatrix('stage', months.indexOf('2025-06'), 23));
    const rfm = json<{ by: string; matrix: Row[]; labels: Row[] }>(
      await get('/api/flows?from=2025-03&to=2025-09&by=rfm_segment'),
    );
    expect(rfm.labels.find((l) => l['id'] === 'Champions')).toMatchObject({ ru: 'Чемпионы' });
    expectMatrix(
      rfm.matrix,
      expectedMatrix('rfm_segment', months.indexOf('2025-03'), months.indexOf('2025-09')),
    );
  });

  it('adds the month-by-month series on request', async () => {
    const body = json<{ series: Row[] }>(await get('/api/flows?from=2025-09&to=2025-12&series=true'));
    const pairs = [...new Set(body.series.map((r) => `${r['from_month']}>${r['to_month']}`))];
    expect(pairs).toEqual(['2025-09>2025-10', '2025-10>2025-11', '2025-11>2025-12']);
    const october = body.series.filter((r) => r['to_month'] === '2025-11');
    expectMatrix(october, expectedMatrix('stage', 21, 22));
  });

  it('downloads the matrix as CSV and Excel', async () => {
    const csv = await get('/api/flows?from=2025-06&to=2025-12&format=csv');
    expect(csv.headers['content-disposition']).toMatch(/flows-stage-2025-06-2025-12\.csv/);
    const rows = parseCsv(csv.body).filter((r) => r.length > 1);
    expect(rows[0]).toEqual(['from_month', 'to_month', 'from_stage', 'to_stage', 'customers', 'revenue']);
    const expected = expectedMatrix('stage', months.indexOf('2025-06'), 23);
    expect(rows).toHaveLength(expected.size + 1);
    for (const r of rows.slice(1)) expect(Number(r[4])).toBe(expected.get(`${r[2]}|${r[3]}`)?.customers);
    const xlsx = await xlsxRows((await get('/api/flows?format=xlsx')).rawPayload);
    expect(xlsx).toHaveLength(expectedMatrix('stage', 22, 23).size + 1);
  });

  it('refuses bad months, months out of order, and unknown dimensions', async () => {
    expectError(
      await get('/api/flows?from=2025-12&to=2025-06'),
      400,
      /from 2025-12 must be before to 2025-06/,
    );
    expectError(await get('/api/flows?from=2025-06&to=2025-06'), 400, /must be before/);
    expectError(await get('/api/flows?from=2025-13'), 400, /from must match/);
    expectError(await get('/api/flows?to=25-12'), 400, /to must match/);
    expectError(await get('/api/flows?to=2019-01'), 400, /no snapshot for that month.*2024-01 … 2025-12/);
    expectError(await get('/api/flows?to=2024-01'), 400, /first snapshot/);
    expectError(await get('/api/flows?by=region'), 400, /by must be equal to one of the allowed values/);
  });
});

describe('GET /api/triggers', () => {
  it('lists the customers who moved between two stages last month, by revenue, paged', async () => {
    const ids = moved('active', 'falling_asleep', 22, 23);
    expect(ids.length).toBeGreaterThan(5);
    const first = json<Row & { rows: Row[] }>(
      await get('/api/triggers?from_stage=active&to_stage=falling_asleep&limit=3'),
    );
    expect(first).toMatchObject({ from_month: '2025-11', to_month: '2025-12', total: ids.length });
    expect(first.rows.map((r) => r['customer_id'])).toEqual(ids.slice(0, 3));
    expect(first.rows[0]).toMatchObject({ from_stage: 'active', to_stage: 'falling_asleep' });
    const rest = json<{ rows: Row[] }>(
      await get(`/api/triggers?from_stage=active&to_stage=falling_asleep&limit=1000&offset=3`),
    );
    expect(rest.rows.map((r) => r['customer_id'])).toEqual(ids.slice(3));
  });

  it('takes the later snapshot by month or date and the earlier one by month', async () => {
    const june = months.indexOf('2025-06');
    const byMonth = json<Row & { rows: Row[] }>(
      await get('/api/triggers?from_stage=one_time&to_stage=lost&as_of=2025-06&limit=1000'),
    );
    expect(byMonth['from_month']).toBe('2025-05');
    expect(byMonth.rows.map((r) => r['customer_id'])).toEqual(moved('one_time', 'lost', june - 1, june));
    const byDate = json<Row>(await get('/api/triggers?from_stage=one_time&to_stage=lost&as_of=2025-06-30'));
    expect(byDate['total']).toBe(byMonth['total']);
    const far = json<Row & { rows: Row[] }>(
      await get('/api/triggers?from_stage=active&to_stage=lost&from=2025-01&limit=1000'),
    );
    expect(far).toMatchObject({ from_month: '2025-01', to_month: '2025-12' });
    const expected = moved('active', 'lost', months.indexOf('2025-01'), 23);
    expect(expected.length).toBeGreaterThan(0);
    expect(far.rows.map((r) => r['customer_id'])).toEqual(expected);
  });

  it('exports the whole list for the CRM as CSV and Excel, formulas neutralized', async () => {
    const ids = moved('active', 'falling_asleep', 22, 23);
    const csv = await get('/api/triggers?from_stage=active&to_stage=falling_asleep&format=csv');
    expect(csv.headers['content-disposition']).toMatch(/triggers-active-falling_asleep-2025-12\.csv/);
    const rows = parseCsv(csv.body).filter((r) => r.length > 1);
    const header = rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['customer_id', 'name', 'email', 'phone', 'revenue']));
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
    const row = rows.find((r) => r[0] === renamed)!;
    expect(row[header.indexOf('name')]).toBe("'=1+2");
    expect(row[header.indexOf('region')]).toBe("'@SUM(A1)");
    const xlsx = await xlsxRows(
      (await get('/api/triggers?from_stage=active&to_stage=falling_asleep&format=xlsx')).rawPayload,
    );
    expect(xlsx).toHaveLength(ids.length + 1);
    expect(xlsx.find((r) => r[0] === renamed)?.[header.indexOf('name')]).toBe("'=1+2");
  });

  it('refuses unknown stages, bad dates and months out of order', async () => {
    expectError(await get('/api/triggers?from_stage=sleepy&to_stage=lost'), 400, /from_stage must be equal/);
    expectError(await get('/api/triggers?from_stage=active'), 400, /to_stage/);
    expectError(await get('/api/triggers?from_stage=active&to_stage=lost&as_of=2025/12'), 400, /as_of/);
    expectError(
      await get('/api/triggers?from_stage=active&to_stage=lost&as_of=2024-01'),
      400,
      /first snapshot/,
    );
    expectError(
      await get('/api/triggers?from_stage=active&to_stage=lost&from=2025-12&as_of=2025-06'),
      400,
      /from 2025-12 must be before as_of 2025-06/,
    );
    expectError(await get('/api/triggers?from_stage=active&to_stage=lost&limit=5000'), 400, /limit/);
  });
});

describe('GET /api/cohorts', () => {
  it('gives every cohort × month cell as the sales lines say', async () => {
    const body = json<{ metric: string; axis: string; months: string[]; cells: Row[] }>(
      await get('/api/cohorts'),
    );
    expect(body).toMatchObject({ as_of: '2025-12-31', metric: 'retention', axis: 'month', months });
    expect(fromSales.size).toBeGreaterThan(500);
    expect(body.cells).toHaveLength(fromSales.size);
    for (const cell of body.cells) {
      const want = fromSales.get(`${cell['cohort']}|${cell['month']}`);
      expect(want, JSON.stringify(cell)).toBeDefined();
      expect(cell['customers']).toBe(want?.['customers']);
      expect(cell['active']).toBe(want?.['active']);
      expect(cell['revenue'] as number).toBeCloseTo(want?.['revenue'] as number, 1);
      expect(cell['retention'] as number).toBeCloseTo(
        (want?.['active'] as number) / (want?.['customers'] as number),
        9,
      );
      const [cy, cm] = String(cell['cohort']).split('-').map(Number) as [number, number];
      const [y, m] = String(cell['month']).split('-').map(Number) as [number, number];
      expect(cell['months_since_first']).toBe((y - cy) * 12 + m - cm);
    }
    // A cohort's own first month: everyone bought in it.
    const own = body.cells.filter((c) => c['months_since_first'] === 0);
    expect(own.length).toBe(24);
    for (const c of own) expect(c['retention']).toBe(1);
  });

  it('downloads the table of one metric by calendar month or by months since the first purchase', async () => {
    const csv = await get('/api/cohorts?metric=active&format=csv');
    expect(csv.headers['content-disposition']).toMatch(/cohorts-active-by-month\.csv/);
    const rows = parseCsv(csv.body).filter((r) => r.length > 1);
    expect(rows[0]).toEqual(['cohort', 'customers', ...months]);
    const cohorts = [...new Set([...fromSales.values()].map((r) => String(r['cohort'])))].sort();
    expect(rows.slice(1).map((r) => r[0])).toEqual(cohorts);
    for (const r of rows.slice(1)) {
      for (const [j, month] of months.entries()) {
        const want = fromSales.get(`${r[0]}|${month}`);
        expect(r[j + 2], `${r[0]} ${month}`).toBe(want ? String(want['active']) : '');
      }
    }
    const age = await xlsxRows((await get('/api/cohorts?metric=revenue&axis=age&format=xlsx')).rawPayload);
    expect(age[0]?.slice(0, 4)).toEqual(['cohort', 'customers', 'month_0', 'month_1']);
    const last = age.find((r) => r[0] === '2025-12');
    expect(last?.[2] as number).toBeCloseTo(fromSales.get('2025-12|2025-12')?.['revenue'] as number, 1);
    expect(last?.[3]).toBeUndefined();
  });

  it('refuses an unknown metric or axis', async () => {
    expectError(await get('/api/cohorts?metric=ltv'), 400, /metric must be equal/);
    expectError(await get('/api/cohorts?axis=week'), 400, /axis must be equal/);
  });
});

describe('without an analysis', () => {
  it('answers 409 on every endpoint, saying to run clientele analyze', async () => {
    for (const url of [
      '/api/structure',
      '/api/flows',
      '/api/triggers?from_stage=active&to_stage=lost',
      '/api/cohorts',
      '/api/structure?format=csv',
    ]) {
      expectError(await get(url, bare), 409, /run `clientele analyze`/);
    }
  });

  it('answers 409 to flows with a single snapshot, and serves the rest', async () => {
    expectError(await get('/api/flows', single), 409, /at least two snapshots.*clientele analyze --months 2/);
    const body = json<{ snapshots: Row[] }>(await get('/api/structure', single));
    expect(body.snapshots.map((r) => r['as_of'])).toEqual(['2010-11-30']);
    expect(body.snapshots[0]?.['customers']).toBe(600);
  });
});

describe('authentication', () => {
  it('answers 401 without the token on every endpoint', async () => {
    for (const url of [
      '/api/structure',
      '/api/flows',
      '/api/triggers?from_stage=active&to_stage=lost',
      '/api/cohorts',
      '/api/cohorts?format=csv',
    ]) {
      expectError(await s.app.inject({ url }), 401, /Bearer/);
    }
  });
});

import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predictSnapshots } from '../../src/predict/predict.js';
import { parseCsv } from '../helpers/csv.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

/** Complete Journey: 2,373 households buying 20,902 SKUs in 2017, with the product catalogue. */
const CJ = join(DATA, 'completejourney_sample');

let s: TestServer;
let noAnalysis: TestServer;
let noPredictions: TestServer;

/** Everything below is computed in `prepare` from the stored tables or the sales, not through the API. */
const x = {
  lastId: 0,
  customers: 0,
  cells: [] as { r: number; fm: number; segments: string[]; n: number; revenue: number }[],
  segments: new Map<string, number>(),
  thresholds: {} as Record<string, number | null>,
  recencyByR: [] as { r: number; lo: number; hi: number }[],
  june: 0,
  may: 0,
  champion: '',
  champions: 0,
  activeOrNew: 0,
  abcA: 0,
  xyzNone: 0,
  stageRfm: [] as { stage: string; rfm_segment: string; n: number }[],
  monthly: [] as { month: string; customers: number }[],
  clvByStage: [] as { stage: string; clv: number | null }[],
  transition: 0,
  activeNewA: [] as { stage: string; count: number }[],
  products: new Map<string, { abc: string; xyz: string | null; revenue: number }>(),
};

/** ABC and XYZ of every SKU over 2017, computed here in JS from per-SKU monthly sums (the method, not the SQL). */
async function classifyProducts(ws: Workspace): Promise<void> {
  const lines = await ws.all<{ sku: string; month: string; revenue: number; quantity: number }>(
    `SELECT sku, strftime(ts, '%Y-%m') AS month, CAST(sum(amount) AS DOUBLE) AS revenue,
            CAST(sum(coalesce(quantity, 0)) AS DOUBLE) AS quantity
     FROM sales WHERE sku IS NOT NULL AND ts >= DATE '2017-01-01' AND ts < DATE '2018-01-01' GROUP BY ALL`,
  );
  const bySku = new Map<string, { revenue: number; q: number; qq: number }>();
  for (const l of lines) {
    const p = bySku.get(l.sku) ?? { revenue: 0, q: 0, qq: 0 };
    p.revenue += l.revenue;
    p.q += l.quantity;
    p.qq += l.quantity * l.quantity;
    bySku.set(l.sku, p);
  }
  const skus = [...bySku.entries()].sort(
    (a, b) => Math.max(b[1].revenue, 0) - Math.max(a[1].revenue, 0) || (a[0] < b[0] ? -1 : 1),
  );
  const total = skus.reduce((t, [, p]) => t + Math.max(p.revenue, 0), 0);
  let before = 0;
  for (const [sku, p] of skus) {
    const abc = p.revenue <= 0 ? 'C' : before < 0.8 * total ? 'A' : before < 0.95 * total ? 'B' : 'C';
    before += Math.max(p.revenue, 0);
    const mean = p.q / 12;
    const cv = Math.sqrt(Math.max(p.qq / 12 - mean * mean, 0)) / mean;
    const xyz = p.q <= 0 ? null : cv <= 0.1 ? 'X' : cv <= 0.25 ? 'Y' : 'Z';
    x.products.set(sku, { abc, xyz, revenue: p.revenue });
  }
}

async function prepareFull(ws: Workspace, dir: string): Promise<void> {
  await ingestFile(ws, join(CJ, 'transactions_sample.csv'));
  await ingestFile(ws, join(CJ, 'products.csv'), { kind: 'products' });
  const summary = await analyze(ws);
  await predictSnapshots(ws, { model: 'bgnbd', horizon: 12, unit: 'month', discountRate: 0, margin: 1 });
  x.thresholds = summary.thresholds;
  x.lastId = Number(await ws.scalar(`SELECT max(snapshot_id) FROM snapshots`));
  const at = `FROM customer_snapshots WHERE snapshot_id = ${x.lastId}`;
  x.customers = Number(await ws.scalar(`SELECT count(*) ${at}`));
  x.cells = await ws.all(
    `SELECT r_score AS r, (f_score + m_score) / 2 AS fm, list(DISTINCT CAST(rfm_segment AS VARCHAR)) AS segments,
            count(*) AS n, sum(revenue_12m) AS revenue ${at} GROUP BY ALL`,
  );
  for (const r of await ws.all<{ s: string; n: number }>(
    `SELECT CAST(rfm_segment AS VARCHAR) AS s, count(*) AS n ${at} GROUP BY 1`,
  ))
    x.segments.set(r.s, r.n);
  x.recencyByR = await ws.all(
    `SELECT r_score AS r, min(recency_days) AS lo, max(recency_days) AS hi ${at} GROUP BY 1 ORDER BY 1 DESC`,
  );
  const count = async (sql: string) => Number(await ws.scalar(sql));
  x.june = await count(
    `SELECT count(*) FROM customer_snapshots JOIN snapshots USING (snapshot_id) WHERE snapshots.as_of = DATE '2017-06-30'`,
  );
  x.may = await count(
    `SELECT count(*) FROM customer_snapshots JOIN snapshots USING (snapshot_id) WHERE snapshots.as_of = DATE '2017-05-31'`,
  );
  x.champions = x.segments.get('Champions') ?? 0;
  x.champion = String(
    await ws.scalar(`SELECT min(customer_id) ${at} AND rfm_segment = 'Champions' AND revenue_12m > 0`),
  );
  x.activeOrNew = await count(`SELECT count(*) ${at} AND stage IN ('active', 'new')`);
  x.abcA = await count(`SELECT count(*) ${at} AND abc = 'A'`);
  x.xyzNone = await count(`SELECT count(*) ${at} AND xyz IS NULL`);
  x.stageRfm = await ws.all(
    `SELECT CAST(stage AS VARCHAR) AS stage, CAST(rfm_segment AS VARCHAR) AS rfm_segment, count(*) AS n ${at} GROUP BY ALL`,
  );
  x.monthly = await ws.all(`SELECT month, customers FROM snapshots ORDER BY snapshot_id`);
  x.clvByStage = await ws.all(
    `SELECT CAST(c.stage AS VARCHAR) AS stage, avg(p.clv) AS clv FROM customer_snapshots c
     LEFT JOIN snapshot_predictions p USING (snapshot_id, customer_id) WHERE c.snapshot_id = ${x.lastId} GROUP BY 1`,
  );
  x.transition = await count(
    `SELECT count(*) FROM customer_snapshots c JOIN customer_snapshots p
       ON p.customer_id = c.customer_id AND p.snapshot_id = c.snapshot_id - 1
     WHERE c.snapshot_id = ${x.lastId} AND p.stage = 'active' AND c.stage = 'falling_asleep'`,
  );
  x.activeNewA = await ws.all(
    `SELECT CAST(stage AS VARCHAR) AS stage, count(*) AS count ${at} AND stage IN ('active', 'new') AND abc = 'A'
     GROUP BY 1 ORDER BY stage`,
  );
  await classifyProducts(ws);
  const customers = writeText(
    dir,
    'customers.csv',
    `customer_id,name,email,region\n${x.champion},=HYPERLINK("http://x"),champion@example.com,North\n`,
  );
  await ingestFile(ws, customers, { kind: 'customers' });
}

beforeAll(async () => {
  s = await startServer({}, prepareFull);
  noAnalysis = await startServer({}, async (ws) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
  });
  noPredictions = await startServer({}, async (ws) => {
    await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
    await analyze(ws);
  });
});

afterAll(async () => {
  await s?.cleanup();
  await noAnalysis?.cleanup();
  await noPredictions?.cleanup();
});

const get = (url: string, server = s) => server.app.inject({ url, headers: AUTH });

async function workbookRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

interface RfmBody {
  as_of: string;
  levels: number;
  customers: number;
  revenue: number;
  cells: { r: number; fm: number; segment: string; customers: number; revenue: number }[];
  segments: {
    segment: string;
    name: { en: string; ru: string };
    customers: number;
    customer_share: number;
  }[];
  cuts: { r: number[]; f: number[]; m: number[] };
  thresholds: Record<string, number>;
}

describe('GET /api/rfm', () => {
  it('gives the 5 × 9 grid whose counts match the stored snapshot and whose segments match the stored ones', async () => {
    const r = await get('/api/rfm');
    expect(r.statusCode, r.body).toBe(200);
    const body = json<RfmBody>(r);
    expect(body.as_of).toBe('2017-12-31');
    expect(body.levels).toBe(5);
    expect(body.cells).toHaveLength(45);
    expect(body.cells.reduce((t, c) => t + c.customers, 0)).toBe(x.customers);
    expect(body.customers).toBe(x.customers);
    for (const cell of body.cells) {
      const direct = x.cells.find((c) => c.r === cell.r && c.fm === cell.fm);
      expect(cell.customers, `R ${cell.r} FM ${cell.fm}`).toBe(direct?.n ?? 0);
      expect(cell.revenue).toBeCloseTo(direct?.revenue ?? 0, 1);
      // The cell's segment comes from the map in TS; the analysis stored each customer's through SQL.
      if (direct) expect(direct.segments).toEqual([cell.segment]);
    }
    expect(body.cells.find((c) => c.r === 5 && c.fm === 5)?.segment).toBe('Champions');
    expect(body.cells.find((c) => c.r === 1 && c.fm === 1)?.segment).toBe('Lost');
  });

  it('totals the 11 segments with their names, shares, and the thresholds analyze reported', async () => {
    const body = json<RfmBody>(await get('/api/rfm'));
    expect(body.segments.map((g) => g.segment)).toHaveLength(11);
    for (const g of body.segments) expect(g.customers).toBe(x.segments.get(g.segment) ?? 0);
    const lost = body.segments.find((g) => g.segment === "Can't Lose Them");
    expect(lost?.name).toEqual({ en: "Can't Lose Them", ru: 'Нельзя потерять' });
    expect(body.segments.reduce((t, g) => t + g.customer_share, 0)).toBeCloseTo(1, 9);
    expect(body.cuts.r).toEqual([1, 2, 3, 4].map((i) => x.thresholds[`r_cut_${i}`]));
    expect(body.cuts.m).toEqual([1, 2, 3, 4].map((i) => x.thresholds[`m_cut_${i}`]));
    expect(body.thresholds['lapse_days']).toBe(x.thresholds['lapse_days']);
    // The cuts separate the R scores: recency ≤ cut 1 scores 5, above it 4, …
    for (const [i, cut] of body.cuts.r.entries()) {
      const inside = x.recencyByR.find((g) => g.r === 5 - i);
      const outside = x.recencyByR.find((g) => g.r === 4 - i);
      if (inside) expect(inside.hi).toBeLessThanOrEqual(cut);
      if (outside) expect(outside.lo).toBeGreaterThan(cut);
    }
  });

  it('reads the snapshot of a month, or the latest one before another date', async () => {
    const june = json<RfmBody>(await get('/api/rfm?as_of=2017-06'));
    expect(june.as_of).toBe('2017-06-30');
    expect(june.customers).toBe(x.june);
    const mid = json<RfmBody>(await get('/api/rfm?as_of=2017-06-15'));
    expect(mid.as_of).toBe('2017-05-31');
    expect(mid.customers).toBe(x.may);
    expectError(await get('/api/rfm?as_of=2016-03-01'), 400, /before the first snapshot/);
    expectError(await get('/api/rfm?as_of=2017-02-30'), 400, /YYYY-MM-DD/);
    expectError(await get('/api/rfm?table=other&format=csv'), 400, /table/);
  });

  it('downloads the cells as CSV and the segments as Excel', async () => {
    const csv = await get('/api/rfm?format=csv');
    expect(csv.headers['content-disposition']).toMatch(/rfm-cells-2017-12-31\.csv/);
    const rows = parseCsv(csv.body).filter((row) => row.length > 1);
    expect(rows[0]).toEqual(['r', 'fm', 'segment', 'customers', 'revenue_12m']);
    expect(rows).toHaveLength(46);
    expect(rows.slice(1).reduce((t, row) => t + Number(row[3]), 0)).toBe(x.customers);
    const xlsx = await get('/api/rfm?format=xlsx&table=segments');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = await workbookRows(xlsx.rawPayload);
    expect(book[0]).toEqual([
      'segment',
      'name_ru',
      'customers',
      'customer_share',
      'revenue_12m',
      'revenue_share',
    ]);
    expect(book).toHaveLength(12);
    expect(book.find((row) => row[0] === 'Champions')?.[2]).toBe(x.champions);
  });
});

interface SegmentsBody {
  total: number;
  rows: Row[];
  columns: string[];
  counts: Record<string, { value: string | null; customers: number }[] | undefined>;
  labels: { stage: Record<string, { ru: string }> };
}

describe('GET /api/segments', () => {
  it("lists one RFM segment's customers, sorted and paged", async () => {
    const first = json<SegmentsBody>(await get('/api/segments?kind=rfm&segment=Champions&limit=20'));
    expect(first.total).toBe(x.champions);
    expect(first.rows).toHaveLength(20);
    for (const col of ['customer_id', 'r_score', 'f_score', 'm_score', 'rfm_segment', 'abc', 'xyz', 'stage'])
      expect(first.columns).toContain(col);
    expect(first.rows.every((row) => row['rfm_segment'] === 'Champions')).toBe(true);
    const revenue = first.rows.map((row) => Number(row['revenue_12m']));
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
    const next = json<SegmentsBody>(await get('/api/segments?kind=rfm&segment=Champions&limit=20&offset=20'));
    const both = json<SegmentsBody>(await get('/api/segments?kind=rfm&segment=Champions&limit=40'));
    expect([...first.rows, ...next.rows].map((row) => row['customer_id'])).toEqual(
      both.rows.map((row) => row['customer_id']),
    );
    expect(first.counts['rfm']?.find((c) => c.value === 'Champions')?.customers).toBe(x.champions);
    expect(first.counts['stage']).toBeUndefined();
  });

  it('filters by stages, ABC and XYZ classes', async () => {
    const stages = json<SegmentsBody>(await get('/api/segments?stage=active,new&limit=5'));
    expect(stages.total).toBe(x.activeOrNew);
    expect(stages.counts['stage']).toBeDefined();
    expect(stages.labels.stage['falling_asleep']?.ru).toBe('засыпающий');
    expect(json<SegmentsBody>(await get('/api/segments?kind=abc&segment=A')).total).toBe(x.abcA);
    expect(json<SegmentsBody>(await get('/api/segments?kind=xyz&segment=none')).total).toBe(x.xyzNone);
    const lifecycle = json<SegmentsBody>(await get('/api/segments?kind=lifecycle&segment=active&limit=1'));
    expect(lifecycle.counts['stage']?.reduce((t, c) => t + c.customers, 0)).toBe(x.customers);
  });

  it('refuses unknown kinds, segments and stages', async () => {
    expectError(await get('/api/segments?kind=clusters'), 400, /kind/);
    expectError(await get('/api/segments?kind=rfm&segment=Heroes'), 400, /not a rfm segment.*Champions/);
    expectError(await get('/api/segments?segment=Champions'), 400, /segment needs kind=/);
    expectError(await get('/api/segments?stage=active,sleepy'), 400, /"sleepy" is not a lifecycle stage/);
    expectError(await get('/api/segments?sort=password'), 400, /sort/);
    expectError(await get('/api/segments?limit=5000'), 400, /limit/);
  });

  it("exports a segment's customers for a CRM as CSV (contacts, formulas neutralized) and Excel", async () => {
    const r = await get('/api/segments?kind=rfm&segment=Champions&format=csv');
    expect(r.headers['content-disposition']).toMatch(/segments-Champions-2017-12-31\.csv/);
    const rows = parseCsv(r.body).filter((row) => row.length > 1);
    expect(rows).toHaveLength(x.champions + 1);
    const header = rows[0] ?? [];
    expect(header.slice(0, 8)).toEqual([
      'customer_id',
      'r_score',
      'f_score',
      'm_score',
      'rfm_segment',
      'abc',
      'xyz',
      'stage',
    ]);
    const champion = rows.find((row) => row[0] === x.champion);
    expect(champion?.[header.indexOf('name')]).toBe(`'=HYPERLINK("http://x")`);
    expect(champion?.[header.indexOf('email')]).toBe('champion@example.com');
    const xlsx = await get("/api/segments?kind=rfm&segment=Can't%20Lose%20Them&format=xlsx");
    const book = await workbookRows(xlsx.rawPayload);
    expect(book).toHaveLength((x.segments.get("Can't Lose Them") ?? 0) + 1);
  });
});

interface ProductsBody {
  products: number;
  revenue: number;
  matrix: { abc: string; xyz: string | null; count: number; revenue: number; revenue_share: number }[];
  pareto: { rank: number; sku_share: number; revenue_share: number }[];
  customers: { as_of: string; matrix: { abc: string; xyz: string | null; count: number }[] } | null;
  customers_error: string | null;
  total: number;
  rows: Row[];
}

describe('GET /api/products', () => {
  it('classifies every SKU as an independent computation of ABC and XYZ does', async () => {
    const body = json<ProductsBody>(await get('/api/products?limit=1000'));
    expect(body.products).toBe(x.products.size);
    expect(body.products).toBe(20_902);
    const expected = new Map<string, number>();
    for (const p of x.products.values())
      expected.set(`${p.abc}${p.xyz ?? '-'}`, (expected.get(`${p.abc}${p.xyz ?? '-'}`) ?? 0) + 1);
    const got = new Map(body.matrix.map((c) => [`${c.abc}${c.xyz ?? '-'}`, c.count]));
    expect(got).toEqual(expected);
    expect(body.matrix.reduce((t, c) => t + c.revenue_share, 0)).toBeCloseTo(1, 9);
    for (const row of body.rows) {
      const p = x.products.get(String(row['sku']));
      expect(row['abc']).toBe(p?.abc);
      expect(row['xyz']).toBe(p?.xyz);
      expect(Number(row['revenue'])).toBeCloseTo(p?.revenue ?? NaN, 6);
    }
    expect(body.rows.some((row) => row['category'] !== null)).toBe(true);
  });

  it("gives the customers' matrix from the snapshot", async () => {
    const body = json<ProductsBody>(await get('/api/products?limit=0'));
    expect(body.customers_error).toBeNull();
    expect(body.customers?.as_of).toBe('2017-12-31');
    const cells = body.customers?.matrix ?? [];
    expect(cells.reduce((t, c) => t + c.count, 0)).toBe(x.customers);
    expect(cells.filter((c) => c.abc === 'A').reduce((t, c) => t + c.count, 0)).toBe(x.abcA);
  });

  it('draws the Pareto curve that the downloaded table gives', async () => {
    const body = json<ProductsBody>(await get('/api/products?limit=0'));
    const rows = parseCsv((await get('/api/products?format=csv')).body).filter((row) => row.length > 1);
    const header = rows[0] ?? [];
    const revenue = rows.slice(1).map((row) => Math.max(Number(row[header.indexOf('revenue')]), 0));
    expect(revenue).toHaveLength(x.products.size);
    const total = revenue.reduce((t, v) => t + v, 0);
    const cumulative: number[] = [];
    revenue.reduce((t, v) => (cumulative.push(t + v), t + v), 0);
    expect(body.pareto.length).toBeGreaterThan(100);
    expect(body.pareto.length).toBeLessThan(300);
    expect(body.pareto.at(-1)).toMatchObject({ rank: x.products.size, sku_share: 1 });
    for (const point of body.pareto) {
      expect(point.sku_share).toBeCloseTo(point.rank / x.products.size, 12);
      expect(point.revenue_share).toBeCloseTo((cumulative[point.rank - 1] ?? NaN) / total, 9);
    }
  });

  it('filters the table by a matrix cell and pages it', async () => {
    const az = [...x.products.values()].filter((p) => p.abc === 'A' && p.xyz === 'Z').length;
    const body = json<ProductsBody>(await get('/api/products?abc=A&xyz=Z&limit=10&offset=10'));
    expect(body.total).toBe(az);
    expect(body.rows).toHaveLength(10);
    expect(body.rows.every((row) => row['abc'] === 'A' && row['xyz'] === 'Z')).toBe(true);
    const none = [...x.products.values()].filter((p) => p.xyz === null).length;
    expect(json<ProductsBody>(await get('/api/products?xyz=none')).total).toBe(none);
    expectError(await get('/api/products?abc=D'), 400, /abc/);
  });

  it('leaves out excluded SKUs', async () => {
    const top = json<ProductsBody>(await get('/api/products?limit=2')).rows.map((row) => String(row['sku']));
    const body = json<ProductsBody>(await get(`/api/products?limit=2&exclude=${top.join(',')}`));
    expect(body.products).toBe(x.products.size - 2);
    expect(body.rows.map((row) => row['sku'])).not.toContain(top[0]);
  });

  it('downloads the table and both matrices as CSV and Excel', async () => {
    const xlsx = await get('/api/products?format=xlsx&abc=A&xyz=Y');
    const book = await workbookRows(xlsx.rawPayload);
    expect(book).toHaveLength(
      [...x.products.values()].filter((p) => p.abc === 'A' && p.xyz === 'Y').length + 1,
    );
    const matrix = parseCsv((await get('/api/products?format=csv&table=matrix')).body).filter(
      (r) => r.length > 1,
    );
    expect(matrix[0]).toEqual(['abc', 'xyz', 'count', 'count_share', 'revenue', 'revenue_share']);
    expect(matrix.slice(1).reduce((t, row) => t + Number(row[2]), 0)).toBe(x.products.size);
    const customers = parseCsv((await get('/api/products?format=csv&table=customer_matrix')).body).filter(
      (r) => r.length > 1,
    );
    expect(customers.slice(1).reduce((t, row) => t + Number(row[2]), 0)).toBe(x.customers);
  });
});

interface PivotBody {
  as_of: string | null;
  columns: string[];
  cells: Row[];
}

interface OptionsBody {
  dimensions: { id: string; name: { en: string; ru: string }; method: { en: string } }[];
  measures: { id: string; unit: string; additive: boolean; predictions: boolean }[];
  predictions: boolean;
  analysis: { as_of: string; snapshots: { month: string }[] } | null;
}

describe('GET /api/pivot and /api/pivot/options', () => {
  it('lists the dimensions and measures with names and methods', async () => {
    const body = json<OptionsBody>(await get('/api/pivot/options'));
    expect(body.dimensions.map((d) => d.id)).toEqual([
      'as_of',
      'cohort',
      'stage',
      'transition',
      'rfm_segment',
      'abc',
      'xyz',
      'category',
      'region',
      'channel',
    ]);
    expect(body.dimensions.find((d) => d.id === 'cohort')?.name.ru).toBe('Когорта');
    expect(body.measures.find((m) => m.id === 'avg_clv')).toMatchObject({
      predictions: true,
      unit: 'currency',
    });
    expect(body.predictions).toBe(true);
    expect(body.analysis?.snapshots).toHaveLength(x.monthly.length);
    const none = json<OptionsBody>(await get('/api/pivot/options', noAnalysis));
    expect(none.analysis).toBeNull();
    expect(none.predictions).toBe(false);
  });

  it('crosses stage × RFM segment at the latest snapshot', async () => {
    const body = json<PivotBody>(await get('/api/pivot?rows=stage&cols=rfm_segment&measure=count'));
    expect(body.as_of).toBe('2017-12-31');
    expect(body.columns).toEqual(['stage', 'rfm_segment', 'count']);
    const got = body.cells.map((c) => `${c['stage']}|${c['rfm_segment']}|${c['count']}`).sort();
    expect(got).toEqual(x.stageRfm.map((c) => `${c.stage}|${c.rfm_segment}|${c.n}`).sort());
  });

  it('counts customers month by month and averages the CLV predicted at each snapshot', async () => {
    const months = json<PivotBody>(await get('/api/pivot?rows=as_of'));
    expect(months.as_of).toBeNull();
    expect(months.cells.map((c) => ({ month: c['as_of'], customers: c['count'] }))).toEqual(
      x.monthly.map((m) => ({ month: m.month, customers: m.customers })),
    );
    const clv = json<PivotBody>(await get('/api/pivot?rows=stage&measure=avg_clv,count'));
    expect(clv.columns).toEqual(['stage', 'avg_clv', 'count']);
    for (const c of x.clvByStage) {
      const cell = clv.cells.find((r) => r['stage'] === c.stage);
      if (c.clv === null) expect(cell?.['avg_clv']).toBeNull();
      else expect(Number(cell?.['avg_clv'])).toBeCloseTo(c.clv, 6);
    }
  });

  it('filters with DIMENSION=VALUE, several values and several filters', async () => {
    const t = json<PivotBody>(
      await get('/api/pivot?rows=transition&filter=transition%3Dactive-%3Efalling_asleep'),
    );
    expect(t.cells).toEqual([{ transition: 'active→falling_asleep', count: x.transition }]);
    const two = json<PivotBody>(
      await get('/api/pivot?rows=stage&filter=stage%3Dactive%7Cnew&filter=abc%3DA'),
    );
    expect(two.cells).toEqual(x.activeNewA);
    expect(two.cells.length).toBeGreaterThan(0);
    const joined = json<PivotBody>(await get('/api/pivot?rows=stage&filter=stage%3Dactive%7Cnew%3Babc%3DA'));
    expect(joined.cells).toEqual(two.cells);
  });

  it("reads the customers file's region and the predictions only where asked", async () => {
    const body = json<PivotBody>(await get('/api/pivot?rows=region&measure=count,avg_churn_risk'));
    expect(body.cells.map((c) => [c['region'], c['count']])).toEqual([
      ['North', 1],
      [null, x.customers - 1],
    ]);
    expect(body.cells.every((c) => typeof c['avg_churn_risk'] === 'number')).toBe(true);
  });

  it('refuses unknown dimensions, measures and filters with a message', async () => {
    expectError(
      await get('/api/pivot?rows=country'),
      400,
      /rows "country" is not a dimension; use one of: as_of/,
    );
    expectError(await get('/api/pivot?rows=stage&cols=stage'), 400, /different/);
    expectError(await get('/api/pivot?rows=stage&cols=planet'), 400, /cols "planet"/);
    expectError(await get('/api/pivot?rows=stage&measure=median'), 400, /measure "median" is not a measure/);
    expectError(await get('/api/pivot?rows=stage&filter=stage'), 400, /DIMENSION=VALUE/);
    expectError(
      await get('/api/pivot?rows=stage&filter=planet%3Dmars'),
      400,
      /filter "planet" is not a dimension/,
    );
    expectError(await get('/api/pivot?rows=stage&as_of=yesterday'), 400, /YYYY-MM-DD/);
  });

  it('downloads the tidy table as CSV and Excel', async () => {
    const csv = await get('/api/pivot?rows=stage&cols=rfm_segment&format=csv');
    expect(csv.headers['content-disposition']).toMatch(/pivot-stage-rfm_segment-2017-12-31\.csv/);
    const rows = parseCsv(csv.body).filter((row) => row.length > 1);
    expect(rows[0]).toEqual(['stage', 'rfm_segment', 'count']);
    expect(rows).toHaveLength(x.stageRfm.length + 1);
    const book = await workbookRows((await get('/api/pivot?rows=as_of&format=xlsx')).rawPayload);
    expect(book).toHaveLength(x.monthly.length + 1);
  });
});

describe('without an analysis, or without predictions', () => {
  it('answers 409 saying to run `clientele analyze`', async () => {
    for (const url of ['/api/rfm', '/api/segments?kind=rfm&segment=Lost', '/api/pivot?rows=stage']) {
      expectError(await get(url, noAnalysis), 409, /run `clientele analyze`/);
    }
    expectError(
      await get('/api/products?format=csv&table=customer_matrix', noAnalysis),
      409,
      /clientele analyze/,
    );
  });

  it("still lists products, with the customers' matrix replaced by that message", async () => {
    const body = json<ProductsBody>(await get('/api/products', noAnalysis));
    expect(body.products).toBe(0);
    expect(body.customers).toBeNull();
    expect(body.customers_error).toMatch(/clientele analyze/);
  });

  it('answers 409 for CLV measures until predictions exist at every snapshot', async () => {
    expectError(
      await get('/api/pivot?rows=stage&measure=avg_clv', noPredictions),
      409,
      /predict --snapshots/,
    );
    const counts = json<PivotBody>(await get('/api/pivot?rows=stage', noPredictions));
    expect(counts.cells.reduce((t, c) => t + Number(c['count']), 0)).toBeGreaterThan(0);
  });
});

describe('authentication', () => {
  it('refuses every endpoint without the token', async () => {
    for (const url of [
      '/api/rfm',
      '/api/segments',
      '/api/products',
      '/api/pivot?rows=stage',
      '/api/pivot/options',
    ]) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(401);
      expect(json<{ error: string }>(r).error).toBeTruthy();
    }
  });
});

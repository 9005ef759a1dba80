import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeSummary } from '../../src/analyze/analyze.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { clvByStageSql } from '../../src/predict/clv-by-stage.js';
import { predict, predictSnapshots, type PredictReport } from '../../src/predict/predict.js';
import { STAGES } from '../../src/segments/stages.js';
import { parseCsv } from '../helpers/csv.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, waitForJob, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

/**
 * The server's workspace holds CDNOW and a customers file, not analyzed; `ref` holds the same data and is
 * analyzed and predicted by calling the library directly, as the independent answer.
 */
let s: TestServer;
let ref: Awaited<ReturnType<typeof tempWorkspace>>;
let refAnalysis: AnalyzeSummary;
let refPredict: PredictReport;
const DEFAULTS = { model: 'bgnbd', horizon: 12, unit: 'month', discountRate: 0, margin: 1 } as const;

async function load(ws: Workspace, dir: string): Promise<void> {
  await ingestFile(ws, join(DATA, 'cdnow/cdnowElog.csv'));
  const customers = writeText(
    dir,
    'customers.csv',
    'customer_id;name;email\n4;=HYPERLINK("x");anna@example.com\n999999;Nobody;\n',
  );
  await ingestFile(ws, customers, { kind: 'customers' });
}

beforeAll(async () => {
  s = await startServer({}, load);
  ref = await tempWorkspace();
  await load(ref.ws, ref.dir);
  refAnalysis = await analyze(ref.ws);
  refPredict = await predict(ref.ws, DEFAULTS);
  await predictSnapshots(ref.ws, DEFAULTS);
});
afterAll(async () => {
  await s?.cleanup();
  ref?.cleanup();
});

const get = (url: string) => s.app.inject({ url, headers: AUTH });
const post = (url: string, payload?: object) =>
  s.app.inject({ method: 'POST', url, headers: AUTH, ...(payload ? { payload } : {}) });

async function runJob(url: string, payload?: object) {
  const r = await post(url, payload);
  expect(r.statusCode, r.body).toBe(202);
  const { job_id: id } = json<{ job_id: string }>(r);
  expect(r.headers['location']).toBe(`/api/jobs/${id}`);
  const job = await waitForJob(s.app, id);
  expect(job.error).toBeNull();
  expect(job.state).toBe('done');
  return job.result as Row;
}

/**
 * Equal to about 9 significant digits (`relative`), key by key: DuckDB sums in parallel, so two workspaces with
 * the same data may differ in the last bits of a sum, and a fit's optimum by a little more.
 */
function expectNear(got: unknown, want: object, relative = 1e-8): void {
  for (const [key, value] of Object.entries(want)) {
    const g = Number((got as Row)[key]);
    expect(Math.abs(g - Number(value)), `${key}: ${g} vs ${String(value)}`).toBeLessThanOrEqual(
      relative * Math.max(1, Math.abs(Number(value))),
    );
  }
}

const jobCount = async () => json<{ jobs: Row[] }>(await get('/api/jobs')).jobs.length;

describe('before the analysis and the predictions', () => {
  it('says in /api/models/status that nothing is stored', async () => {
    expect(json(await get('/api/models/status'))).toEqual({ analysis: null, predictions: null });
  });

  it('answers 409 with what to run', async () => {
    expectError(await get('/api/predictions'), 409, /No predictions yet.*clientele predict/);
    expectError(await get('/api/predictions/at-risk'), 409, /No predictions yet/);
    expectError(await get('/api/predictions/stages'), 409, /No analysis yet: run `clientele analyze`/);
    expectError(await get('/api/customers/4/history'), 409, /No analysis yet/);
    expectError(await get('/api/customers/nobody/history'), 404, /no customer "nobody"/);
  });

  it('refuses bad options before starting a job', async () => {
    const before = await jobCount();
    const bad: [object, RegExp][] = [
      [{ model: 'gg' }, /model/],
      [{ model: 'xyz' }, /model/],
      [{ horizon: -1 }, /horizon/],
      [{ horizon: 0 }, /horizon/],
      [{ horizon: 1.5 }, /horizon/],
      [{ horizon: 5000 }, /horizon/],
      [{ unit: 'year' }, /unit/],
      [{ discount_rate: 1 }, /discount_rate/],
      [{ discount_rate: -0.1 }, /discount_rate/],
      [{ margin: 2 }, /margin/],
      [{ as_of: '30.06.1998' }, /YYYY-MM-DD/],
      [{ as_of: '1998-02-30' }, /YYYY-MM-DD/],
      [{ as_of: '1990-01-01' }, /before the first sale/],
    ];
    for (const [body, message] of bad) expectError(await post('/api/predict', body), 400, message);
    expectError(await post('/api/analyze', { months: 0 }), 400, /months/);
    expectError(await post('/api/analyze', { months: 241 }), 400, /months/);
    expectError(await post('/api/analyze', { months: 'many' }), 400, /months/);
    expectError(await post('/api/analyze', { as_of: 'yesterday' }), 400, /YYYY-MM-DD/);
    expect(await jobCount()).toBe(before);
  });

  it('needs the token', async () => {
    for (const [method, url] of [
      ['POST', '/api/analyze'],
      ['POST', '/api/predict'],
      ['GET', '/api/predictions'],
      ['GET', '/api/predictions/at-risk'],
      ['GET', '/api/predictions/stages'],
      ['GET', '/api/models/fit'],
      ['GET', '/api/models/validate?calibration_end=1997-09-30&holdout_end=1998-06-30'],
      ['GET', '/api/customers/4/history'],
      ['GET', '/api/models/status'],
    ] as const) {
      expectError(await s.app.inject({ method, url, payload: method === 'POST' ? {} : undefined }), 401);
    }
  });

  it('predicts without an analysis: at the latest sale only', async () => {
    const result = await runJob('/api/predict');
    expect(result['snapshots_predicted']).toBeNull();
    expect(result['customers']).toBe(refPredict.customers);
    expectNear(result['totals'], refPredict.totals);
    expectError(await get('/api/predictions/stages'), 409, /No analysis yet/);
    const status = json<{ analysis: unknown; predictions: Row }>(await get('/api/models/status'));
    expect(status.analysis).toBeNull();
    expect(status.predictions).toMatchObject({ as_of: '1998-06-30', model: 'bgnbd', snapshots: false });
  });
});

describe('POST /api/analyze with predict', () => {
  it('analyzes and predicts in one job, as analyze() and predict() do', async () => {
    const result = await runJob('/api/analyze', { predict: true });
    const analysis = result['analysis'] as AnalyzeSummary;
    expect(analysis.as_of).toBe('1998-06-30');
    expect(analysis.snapshots).toEqual(refAnalysis.snapshots);
    expect(analysis.stages).toEqual(refAnalysis.stages);
    expect(analysis.rfm_segments).toEqual(refAnalysis.rfm_segments);
    const predictions = result['predictions'] as PredictReport;
    expectNear(predictions.params, refPredict.params);
    expectNear(predictions.spend_params, refPredict.spend_params);
    expectNear(predictions.totals, refPredict.totals);
    // 18 snapshots; the one at 1997-02-28 has too little history for a fit (test/predict).
    const refSnapshots = await ref.ws.all<{ n: number }>(
      `SELECT count(DISTINCT snapshot_id) AS n FROM snapshot_predictions`,
    );
    expect(predictions.snapshots_predicted).toBe(refSnapshots[0]?.n);
    expect(result['predictions_error']).toBeNull();
    const status = json<{ analysis: Row; predictions: Row }>(await get('/api/models/status'));
    expect(status.analysis).toMatchObject({ as_of: '1998-06-30', months: 24 });
    expect(status.predictions).toMatchObject({
      as_of: '1998-06-30',
      horizon: 12,
      unit: 'month',
      snapshots: true,
    });
  });

  it('lists the jobs with their kinds', async () => {
    const jobs = json<{ jobs: Row[] }>(await get('/api/jobs')).jobs;
    expect(jobs.map((j) => j['kind'])).toEqual(['analyze', 'predict']);
    expect(jobs[0]?.['label']).toBe('analysis as of 1998-06-30');
  });
});

/** quantile_cont: linear interpolation between the order statistics at (n − 1)·p. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

function histogram(values: number[], range: 'unit' | 'p99'): { from: number; customers: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = range === 'unit' ? 0 : Math.min(0, sorted[0]!);
  const hi = range === 'unit' ? 1 : quantile(sorted, 0.99);
  const width = (hi - lo) / 20;
  const counts = new Array<number>(21).fill(0);
  for (const v of values) counts[v > hi ? 20 : Math.min(Math.floor((v - lo) / width), 19)]!++;
  const bins = counts.map((customers, i) => ({ from: lo + i * width, customers }));
  return counts[20] === 0 ? bins.slice(0, 20) : bins;
}

describe('GET /api/predictions', () => {
  it('gives the model, the totals and the distributions of the stored predictions', async () => {
    const body = json<Row & { totals: Row; model: Row; distributions: Record<string, Row[]> }>(
      await get('/api/predictions'),
    );
    expect(body['as_of']).toBe('1998-06-30');
    expect(body.model).toMatchObject({ name: 'bgnbd', time_unit: 'week' });
    expectNear(body.model['params'], refPredict.params);
    expect(body).toMatchObject({ horizon: 12, unit: 'month', discount_rate: 0, margin: 1 });
    expect(body.totals['customers']).toBe(2357);
    expectNear(body.totals, { clv: refPredict.totals.clv, expected_alive: refPredict.totals.expected_alive });
    expect(body.totals['at_risk']).toBe(refPredict.churn_risk_over_half);
    const rows = await ref.ws.all<Record<string, number>>(
      `SELECT clv, p_alive, churn_risk, expected_purchases FROM predictions`,
    );
    const atRiskClv = rows.filter((r) => r['churn_risk']! > 0.5).reduce((a, r) => a + r['clv']!, 0);
    expect(body.totals['at_risk_clv']).toBeCloseTo(atRiskClv, 6);
    for (const [column, range] of [
      ['clv', 'p99'],
      ['p_alive', 'unit'],
      ['churn_risk', 'unit'],
      ['expected_purchases', 'p99'],
    ] as const) {
      const expected = histogram(
        rows.map((r) => r[column]!),
        range,
      );
      const got = body.distributions[column]!;
      expect(
        got.map((b) => b['customers']),
        column,
      ).toEqual(expected.map((b) => b.customers));
      got.forEach((b, i) => expect(b['from']).toBeCloseTo(expected[i]!.from, 9));
    }
    // A few customers buy far more than the rest: CLV has an overflow bin above its 99th percentile.
    expect(body.distributions['clv']?.at(-1)).toMatchObject({ overflow: true });
  });

  it('answers 409 for another date and 400 for a bad one', async () => {
    expectError(
      await get('/api/predictions?as_of=1998-01-31'),
      409,
      /stored predictions are as of 1998-06-30, not 1998-01-31/,
    );
    expect((await get('/api/predictions?as_of=1998-06-30')).statusCode).toBe(200);
    expectError(await get('/api/predictions?as_of=1998-6-30'), 400, /YYYY-MM-DD/);
  });
});

describe('GET /api/predictions/at-risk', () => {
  const expectedOrder = async (minRisk: number) => {
    const rows = await ref.ws.all<{ customer_id: string; clv: number; churn_risk: number }>(
      `SELECT customer_id, clv, churn_risk FROM predictions`,
    );
    return rows
      .filter((r) => r.churn_risk > minRisk)
      .sort(
        (a, b) =>
          b.clv * b.churn_risk - a.clv * a.churn_risk ||
          b.clv - a.clv ||
          (a.customer_id < b.customer_id ? -1 : 1),
      )
      .map((r) => r.customer_id);
  };

  it('lists customers above the churn risk by CLV × churn risk, paged', async () => {
    const order = await expectedOrder(0.5);
    const first = json<{ total: number; rows: Row[] }>(await get('/api/predictions/at-risk?limit=20'));
    expect(first.total).toBe(order.length);
    expect(first.rows.map((r) => r['customer_id'])).toEqual(order.slice(0, 20));
    const next = json<{ rows: Row[] }>(await get('/api/predictions/at-risk?limit=10&offset=15'));
    expect(next.rows.map((r) => r['customer_id'])).toEqual(order.slice(15, 25));
    const top = first.rows[0]!;
    expect(top['value_at_risk']).toBeCloseTo(Number(top['clv']) * Number(top['churn_risk']), 9);
    const snapshot = await ref.ws.one<Row>(
      `SELECT CAST(stage AS VARCHAR) AS stage, orders FROM customer_snapshots
       WHERE customer_id = $1 AND as_of = DATE '1998-06-30'`,
      [String(top['customer_id'])],
    );
    expect(top).toMatchObject(snapshot!);
    const strict = json<{ total: number }>(await get('/api/predictions/at-risk?min_risk=0.9&limit=1'));
    expect(strict.total).toBe((await expectedOrder(0.9)).length);
    expect(strict.total).toBeLessThan(first.total);
  });

  it('downloads the whole list for the CRM, formula text neutralized', async () => {
    const order = await expectedOrder(0.5);
    const csv = parseCsv((await get('/api/predictions/at-risk?format=csv')).body).filter((r) => r.length > 1);
    expect(csv[0]?.slice(0, 7)).toEqual([
      'customer_id',
      'name',
      'email',
      'phone',
      'value_at_risk',
      'clv',
      'churn_risk',
    ]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(order);
    const all = parseCsv((await get('/api/predictions/at-risk?format=csv&min_risk=0')).body);
    expect(all.find((r) => r[0] === '4')?.[1]).toBe(`'=HYPERLINK("x")`);
    const xlsx = await get('/api/predictions/at-risk?format=xlsx');
    expect(xlsx.headers['content-disposition']).toMatch(/customers-at-risk-1998-06-30\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(order.length + 1);
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe(order[0]);
  });

  it('refuses bad parameters', async () => {
    expectError(await get('/api/predictions/at-risk?min_risk=1'), 400, /min_risk/);
    expectError(await get('/api/predictions/at-risk?min_risk=-0.5'), 400, /min_risk/);
    expectError(await get('/api/predictions/at-risk?limit=5000'), 400, /limit/);
    expectError(await get('/api/predictions/at-risk?format=pdf'), 400, /format/);
    expectError(await get('/api/predictions/at-risk?as_of=1997-12-31'), 409, /as of 1998-06-30/);
  });
});

describe('GET /api/predictions/stages', () => {
  it('gives customers and mean CLV by stage at every predicted snapshot', async () => {
    const rows = json<{ rows: Row[] }>(await get('/api/predictions/stages')).rows;
    const predicted = await ref.ws.all<{ snapshot_id: number }>(
      `SELECT DISTINCT snapshot_id FROM snapshot_predictions ORDER BY 1`,
    );
    expect([...new Set(rows.map((r) => r['snapshot_id']))]).toEqual(predicted.map((p) => p.snapshot_id));
    const last = predicted.at(-1)!.snapshot_id;
    const stages = new Map(
      (
        await ref.ws.all<{ customer_id: string; stage: string }>(
          `SELECT customer_id, CAST(stage AS VARCHAR) AS stage FROM customer_snapshots WHERE snapshot_id = $1`,
          [last],
        )
      ).map((r) => [r.customer_id, r.stage]),
    );
    const sums = new Map<string, { n: number; clv: number }>();
    for (const p of await ref.ws.all<{ customer_id: string; clv: number }>(
      `SELECT customer_id, clv FROM snapshot_predictions WHERE snapshot_id = $1`,
      [last],
    )) {
      const stage = stages.get(p.customer_id)!;
      const sum = sums.get(stage) ?? { n: 0, clv: 0 };
      sums.set(stage, { n: sum.n + 1, clv: sum.clv + p.clv });
    }
    const latest = rows.filter((r) => r['snapshot_id'] === last);
    expect(latest.map((r) => r['stage'])).toEqual(STAGES.filter((stage) => sums.has(stage)));
    for (const r of latest) {
      const sum = sums.get(String(r['stage']))!;
      expect(r['customers']).toBe(sum.n);
      expect(r['mean_clv']).toBeCloseTo(sum.clv / sum.n, 9);
    }
    // The server reads the table stored with the predictions; computed on the fly (after `predict --snapshots`,
    // as in `ref`) it is the same.
    const direct = await ref.ws.all(await clvByStageSql(ref.ws));
    expect(rows.map((r) => [r['snapshot_id'], r['stage'], r['customers']])).toEqual(
      direct.map((r) => [r['snapshot_id'], r['stage'], r['customers']]),
    );
    const csv = parseCsv((await get('/api/predictions/stages?format=csv')).body).filter((r) => r.length > 1);
    expect(csv).toHaveLength(rows.length + 1);
    expect(csv[0]).toContain('mean_clv');
  });
});

describe('GET /api/customers/:id/history', () => {
  it('has one row per snapshot since the first purchase, with the CLV of each snapshot', async () => {
    // Customer 3197 first bought on 1997-03-17: the January and February snapshots do not have them.
    const body = json<{ rows: Row[]; predictions: boolean; analysis_as_of: string }>(
      await get('/api/customers/3197/history'),
    );
    const expected = Number(
      await ref.ws.scalar(
        `SELECT count(*) FROM snapshots WHERE as_of >= (SELECT CAST(min(ts) AS DATE) FROM sales WHERE customer_id = '3197')`,
      ),
    );
    expect(body.rows).toHaveLength(expected);
    expect(expected).toBeLessThan(refAnalysis.snapshots.length);
    expect(body.analysis_as_of).toBe('1998-06-30');
    expect(body.predictions).toBe(true);
    for (const row of body.rows) expect(STAGES).toContain(row['stage']);
    const clv = await ref.ws.all<{ as_of: string; clv: number }>(
      `SELECT strftime(s.as_of, '%Y-%m-%d') AS as_of, p.clv FROM snapshot_predictions p JOIN snapshots s USING (snapshot_id)
       WHERE p.customer_id = '3197' ORDER BY s.as_of`,
    );
    const predicted = body.rows.filter((r) => r['clv'] !== null);
    expect(predicted.map((r) => r['as_of'])).toEqual(clv.map((c) => c.as_of));
    predicted.forEach((r, i) => expectNear(r, { clv: clv[i]!.clv }, 1e-6));
  });

  it('downloads as CSV and Excel, is empty for a customer without purchases, 404 for an unknown one', async () => {
    const rows = json<{ rows: Row[] }>(await get('/api/customers/4/history')).rows;
    const csv = parseCsv((await get('/api/customers/4/history?format=csv')).body).filter((r) => r.length > 1);
    expect(csv).toHaveLength(rows.length + 1);
    expect(csv[0]).toEqual(expect.arrayContaining(['month', 'stage', 'rfm_segment', 'clv']));
    const xlsx = await get('/api/customers/4/history?format=xlsx');
    expect(xlsx.headers['content-disposition']).toMatch(/customer-4-history\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(rows.length + 1);
    expect(json<{ rows: Row[] }>(await get('/api/customers/999999/history')).rows).toEqual([]);
    expectError(await get('/api/customers/no-such/history'), 404, /no customer "no-such"/);
    expectError(await get('/api/customers/4/history?format=ods'), 400, /format/);
  });
});

describe("the customer card's predictions", () => {
  it('carries the stored predictions of the customer', async () => {
    const card = json<{ predictions: Row | null }>(await get('/api/customers/3197'));
    const row = await ref.ws.one<Row>(
      `SELECT clv, p_alive, churn_risk, expected_purchases, strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date
       FROM predictions WHERE customer_id = '3197'`,
    );
    expect(card.predictions).toMatchObject({
      as_of: '1998-06-30',
      horizon: 12,
      unit: 'month',
      next_purchase_date: row?.['next_purchase_date'],
    });
    const { next_purchase_date: _date, ...numbers } = row!;
    expectNear(card.predictions, numbers);
    const nobody = json<{ predictions: Row | null }>(await get('/api/customers/999999'));
    expect(nobody.predictions).toBeNull();
  });
});

describe('POST /api/predict with options', () => {
  it('replaces the predictions, as predict() with the same options does', async () => {
    const options = { model: 'mbgnbd', horizon: 26, unit: 'week', discountRate: 0.002, margin: 0.3 } as const;
    const result = await runJob('/api/predict', {
      model: 'mbgnbd',
      horizon: 26,
      unit: 'week',
      discount_rate: 0.002,
      margin: 0.3,
    });
    const expected = await predict(ref.ws, options);
    expectNear(result['params'], expected.params);
    expectNear(result['totals'], expected.totals);
    const body = json<{ model: Row; totals: Row; unit: string; horizon: number; margin: number }>(
      await get('/api/predictions'),
    );
    expect(body.model['name']).toBe('mbgnbd');
    expect(body).toMatchObject({ unit: 'week', horizon: 26, margin: 0.3, discount_rate: 0.002 });
    expectNear(body.totals, { clv: expected.totals.clv });
  });
});

describe('OpenAPI', () => {
  it('documents the models endpoints', async () => {
    const doc = json<{ paths: Record<string, Record<string, { summary?: string }>> }>(
      await get('/docs/json'),
    );
    for (const [path, method] of [
      ['/api/analyze', 'post'],
      ['/api/predict', 'post'],
      ['/api/predictions', 'get'],
      ['/api/predictions/at-risk', 'get'],
      ['/api/predictions/stages', 'get'],
      ['/api/models/fit', 'get'],
      ['/api/models/validate', 'get'],
      ['/api/customers/{id}/history', 'get'],
      ['/api/models/status', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
    }
  });
});

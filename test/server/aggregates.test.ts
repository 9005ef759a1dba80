import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeSummary } from '../../src/analyze/analyze.js';
import { literal } from '../../src/db/sql.js';
import { Workspace } from '../../src/db/workspace.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { atRiskSql } from '../../src/predict/at-risk-customers.js';
import { PREDICT_DEFAULTS } from '../../src/predict/predict-defaults.js';
import { predictWithHistory } from '../../src/predict/predict-with-history.js';
import { createServer } from '../../src/server/create-server.js';
import { DATA, tempDir } from '../helpers/workspace.js';
import { AUTH, TOKEN } from './helpers.js';

// The pages of the web app read small results stored by analyze and predict (store-aggregates.ts) instead of
// every sale or every customer at every snapshot. Each answer must be the one the routes give from the rows:
// the same workspace is copied, the notes that make the stored results current are removed from the copy (its
// readers then compute from the sales and the snapshots, as before), and every answer of both is compared.

const AGGREGATES = [
  'sales_summary',
  'products',
  'profile_figures',
  'prediction_figures',
  'snapshot_cells',
  'snapshot_prediction_cells',
];

/** Sums and means of doubles (the predicted CLV and churn risk) depend on the order they are added in. */
const DOUBLE_SUMS = new Set(['avg_clv', 'sum_clv', 'avg_churn_risk']);

type Answers = Map<string, { status: number; body: unknown }>;

async function answers(path: string, urls: string[]): Promise<Answers> {
  const server = await createServer({ workspacePath: path, token: TOKEN });
  try {
    const out: Answers = new Map();
    for (const url of urls) {
      const r = await server.app.inject({ url, headers: AUTH });
      // What the status says of the file itself (its path, its spill folder) differs between two files.
      const { workspace: _, memory: __, ...body } = JSON.parse(r.body) as Record<string, unknown>;
      out.set(url, { status: r.statusCode, body });
    }
    return out;
  } finally {
    await server.close();
  }
}

/** A copy of the workspace whose stored aggregates are no longer current. */
async function withoutAggregates(path: string, copy: string): Promise<string> {
  copyFileSync(path, copy);
  const db = await DuckDBInstance.create(copy);
  const c = await db.connect();
  await c.run(`DELETE FROM precomputed WHERE name IN (${AGGREGATES.map(literal).join(', ')})`);
  c.closeSync();
  db.closeSync();
  return copy;
}

/** The differences between two answers: paths whose values differ (doubles of DOUBLE_SUMS up to 1e-12). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    const close = DOUBLE_SUMS.has(key) && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
    return a === b || close ? [] : [`${path}: ${a} ≠ ${b}`];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/** Every request of the web app's pages that reads a stored aggregate, at several snapshots. */
async function pageRequests(path: string): Promise<string[]> {
  const ws = await Workspace.open(path, { readOnly: true });
  const months = (await ws.all<{ month: string }>(`SELECT month FROM snapshots ORDER BY snapshot_id`)).map(
    (r) => r.month,
  );
  ws.close();
  const last = months.length - 1;
  const urls = [
    '/api/status',
    '/api/profile/summary',
    '/api/overview/monthly',
    '/api/campaigns/fields',
    '/api/products?limit=20',
    '/api/products?limit=20&exclude=POST,M',
    '/api/predictions',
    '/api/predictions/at-risk?limit=20',
    '/api/predictions/at-risk?limit=7&offset=5&min_risk=0.01',
    '/api/structure',
    '/api/cohorts?metric=retention',
    '/api/rfm',
    `/api/rfm?as_of=${months[last - 3]}`,
    '/api/segments?kind=all&limit=5',
    '/api/segments?kind=rfm&segment=Champions&limit=20',
    '/api/segments?kind=lifecycle&segment=asleep&stage=asleep,lost&limit=9&offset=4&sort=recency_days&order=asc',
    '/api/segments?kind=abc&segment=B&limit=9&offset=4&sort=email',
    `/api/segments?kind=xyz&segment=none&limit=5&as_of=${months[last - 2]}`,
    '/api/flows',
    '/api/flows?by=rfm_segment',
    `/api/flows?from=${months[1]}&to=${months[2]}`,
    `/api/flows?from=${months[last - 4]}&to=${months[last - 1]}&series=true`,
  ];
  for (const [from, to] of [
    ['active', 'falling_asleep'],
    ['asleep', 'restored'],
    ['new', 'one_time'],
    ['active', 'active'],
    ['lost', 'lost'],
  ]) {
    urls.push(
      `/api/triggers?from_stage=${from}&to_stage=${to}&limit=20`,
      `/api/triggers?from_stage=${from}&to_stage=${to}&limit=5&offset=2&as_of=${months[last - 5]}`,
      `/api/triggers?from_stage=${from}&to_stage=${to}&limit=5&from=${months[last - 3]}`,
    );
  }
  const dims = ['as_of', 'cohort', 'stage', 'transition', 'rfm_segment', 'abc', 'xyz'];
  const measures = 'count,active,revenue,orders,gross_revenue,avg_recency_days,avg_revenue';
  for (const rows of dims) {
    for (const cols of [undefined, ...dims.filter((d) => d !== rows)]) {
      urls.push(`/api/pivot?rows=${rows}${cols ? `&cols=${cols}` : ''}&measure=${measures}`);
    }
  }
  urls.push(
    `/api/pivot?rows=stage&cols=abc&measure=avg_clv,sum_clv,avg_churn_risk,count`,
    `/api/pivot?rows=transition&cols=as_of&measure=avg_clv,count&filter=stage=active|lost`,
    `/api/pivot?rows=transition&measure=count,revenue&as_of=${months[0]}`,
    `/api/pivot?rows=region&cols=stage&measure=count,avg_clv`,
  );
  return urls;
}

async function expectSameAnswers(path: string, copy: string): Promise<number> {
  const urls = await pageRequests(path);
  const stored = await answers(path, urls);
  const direct = await answers(await withoutAggregates(path, copy), urls);
  let ok = 0;
  for (const url of urls) {
    const a = stored.get(url)!;
    const b = direct.get(url)!;
    expect(a.status, url).toBe(b.status);
    expect(differences(a.body, b.body), url).toEqual([]);
    if (a.status === 200) ok++;
  }
  return ok;
}

/** Everything the aggregates store for the snapshots, as text, in a fixed order. */
async function storedCells(path: string): Promise<{ cells: string[]; moves: string[] }> {
  const ws = await Workspace.open(path, { readOnly: true });
  try {
    const text = async (sql: string): Promise<string[]> =>
      (await ws.all<Record<string, unknown>>(sql)).map((r) => JSON.stringify(Object.values(r)));
    return {
      cells: await text(`SELECT COLUMNS(*)::VARCHAR FROM snapshot_cells ORDER BY ALL`),
      moves: await text(`SELECT COLUMNS(*)::VARCHAR FROM snapshot_moves ORDER BY ALL`),
    };
  } finally {
    ws.close();
  }
}

describe('Online Retail: every page reads the same answers from the stored aggregates', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'retail.duckdb');
  beforeAll(async () => {
    const ws = await Workspace.open(path);
    await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
    await analyze(ws, { months: 12 });
    await predictWithHistory(ws, PREDICT_DEFAULTS);
    ws.close();
  }, 300_000);
  afterAll(() => cleanup());

  it('answers as the routes do from the rows', async () => {
    expect(await expectSameAnswers(path, join(dir, 'direct.duckdb'))).toBeGreaterThan(60);
  }, 300_000);

  it('cuts pages of the segments and the customers at risk as the whole lists are ordered', async () => {
    const server = await createServer({ workspacePath: path, token: TOKEN });
    const ws = await Workspace.open(path, { readOnly: true });
    try {
      const get = async (url: string) =>
        (JSON.parse((await server.app.inject({ url, headers: AUTH })).body) as { rows: unknown[] }).rows;
      const segment = '/api/segments?kind=rfm&segment=Promising&sort=recency_days&order=asc';
      const whole = await get(`${segment}&limit=1000`);
      expect(whole.length).toBeGreaterThan(20);
      expect(whole.length).toBeLessThan(1000);
      expect(await get(`${segment}&limit=9&offset=7`)).toEqual(whole.slice(7, 16));
      const id = Number(await ws.scalar(`SELECT max(snapshot_id) FROM snapshots`));
      // Every customer at risk joined to the contacts and the snapshot first, then ordered: the list before.
      const atRisk = await ws.all(atRiskSql(id), [0.01]);
      expect(atRisk.length).toBeGreaterThan(30);
      expect(await get('/api/predictions/at-risk?limit=9&offset=21&min_risk=0.01')).toEqual(
        atRisk.slice(21, 30),
      );
    } finally {
      ws.close();
      await server.close();
    }
  });

  it('keeps a move for every customer whose stage differs from the previous snapshot, and only those', async () => {
    const ws = await Workspace.open(path, { readOnly: true });
    try {
      const moved = await ws.all(
        `SELECT c.snapshot_id, c.customer_id, CAST(p.stage AS VARCHAR) AS from_stage, CAST(c.stage AS VARCHAR) AS stage
         FROM customer_snapshots c
         LEFT JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = c.snapshot_id - 1
         WHERE c.snapshot_id > 0 AND p.stage IS DISTINCT FROM c.stage ORDER BY ALL`,
      );
      const stored = await ws.all(
        `SELECT s.snapshot_id, m.customer_id, CAST(m.from_stage AS VARCHAR) AS from_stage, CAST(m.stage AS VARCHAR) AS stage
         FROM snapshot_moves m JOIN snapshots s USING (as_of) WHERE s.snapshot_id > 0 ORDER BY ALL`,
      );
      expect(moved.length).toBeGreaterThan(1000);
      expect(stored).toEqual(moved);
    } finally {
      ws.close();
    }
  });
});

/** Writes the lines of a CSV dated before `day` to one file and the others to another (text kept as is). */
async function splitByDate(file: string, day: string, before: string, after: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const src = `read_csv(${literal(file)}, all_varchar = true, header = true)`;
  await c.run(`COPY (SELECT * FROM ${src} WHERE date < ${literal(day)}) TO ${literal(before)} (HEADER)`);
  await c.run(`COPY (SELECT * FROM ${src} WHERE date >= ${literal(day)}) TO ${literal(after)} (HEADER)`);
  c.closeSync();
  db.closeSync();
}

describe('the demo retailer refreshed with one more month', () => {
  const { dir, cleanup } = tempDir();
  const refreshed = join(dir, 'refreshed.duckdb');
  const scratch = join(dir, 'scratch.duckdb');
  let second: AnalyzeSummary;
  let afterLoad: { status: unknown; direct: unknown; asOf: unknown };
  beforeAll(async () => {
    const demo = await generateDemo({
      customers: 1500,
      seed: 5,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.csv')];
    await splitByDate(demo.files.sales, '2025-12-01', a, b);
    const ws = await Workspace.open(refreshed);
    await ingestFile(ws, a);
    await ingestFile(ws, demo.files.customers);
    await analyze(ws);
    await predictWithHistory(ws, PREDICT_DEFAULTS);
    await ingestFile(ws, b);
    ws.close();
    // Loaded, not analysed yet: what was stored for the earlier data must not be shown.
    const urls = ['/api/status', '/api/products?limit=5'];
    const loaded = await answers(refreshed, urls);
    const direct = await answers(await withoutAggregates(refreshed, join(dir, 'loaded.duckdb')), urls);
    afterLoad = {
      status: loaded.get('/api/status')!.body,
      direct: direct.get('/api/status')!.body,
      asOf: (loaded.get('/api/products?limit=5')!.body as { as_of: unknown }).as_of,
    };
    const again = await Workspace.open(refreshed);
    second = await analyze(again);
    await predictWithHistory(again, PREDICT_DEFAULTS);
    again.close();
    const fresh = await Workspace.open(scratch);
    await ingestFile(fresh, demo.files.sales);
    await ingestFile(fresh, demo.files.customers);
    await analyze(fresh);
    fresh.close();
  }, 600_000);
  afterAll(() => cleanup());

  it('shows the new load before the next analysis', () => {
    expect(afterLoad.status).toEqual(afterLoad.direct);
    expect((afterLoad.status as { sales: { date_max: string } }).sales.date_max.slice(0, 7)).toBe('2025-12');
    expect(afterLoad.asOf).toBe('2025-12-31');
  });

  it('recomputes the cells of the new month only, and they equal those of an analysis from scratch', async () => {
    expect(second.snapshots_computed).toEqual(['2025-12-31']);
    const a = await storedCells(refreshed);
    const b = await storedCells(scratch);
    expect(a.cells.length).toBeGreaterThan(1000);
    expect(a.moves.length).toBeGreaterThan(1000);
    expect(a).toEqual(b);
  });

  it('answers as the routes do from the rows', async () => {
    expect(await expectSameAnswers(refreshed, join(dir, 'direct.duckdb'))).toBeGreaterThan(60);
  }, 300_000);
});

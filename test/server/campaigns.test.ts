import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import {
  createCampaign,
  evaluateStoredCampaign,
  planCampaign,
  type CampaignCreated,
  type CampaignEvaluationReport,
  type CampaignPlan,
} from '../../src/campaigns/index.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { parseCsv } from '../helpers/csv.js';
import { writeText } from '../helpers/fixtures.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';
import { AUTH, expectError, json, startServer, type TestServer } from './helpers.js';

type Row = Record<string, unknown>;

// The apparel retailer (600 customers, 2005–2010) with a customers file whose every tenth name looks like a
// spreadsheet formula, analysed at each month end of the last 24 months. A reactivation campaign is selected on
// the analysis of 2010-06-30, runs 2010-07-01 … 07-30, and is evaluated on the sales that follow.
const SELECTION = "stage in ('active', 'falling_asleep', 'asleep')";
const AS_OF = '2010-06-30';
const CAMPAIGN = {
  name: 'Summer reactivation',
  selection: SELECTION,
  control_share: 0.3,
  as_of: AS_OF,
  end: '2010-07-30',
  seed: 42,
  stratify: 'stage',
  cost_per_contact: 2,
};

function customersCsv(): string {
  const lines = ['customer_id,name,email,phone,region'];
  for (let i = 1; i <= 600; i++) {
    const name = i % 10 === 0 ? `=1+${i}` : `Customer ${i}`;
    lines.push(
      `${i},${name},c${i}@example.com,8 900 000 ${String(i).padStart(4, '0')},${i % 2 ? 'Moscow' : 'Kazan'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function fill(ws: Workspace, dir: string): Promise<void> {
  await ingestFile(ws, join(DATA, 'apparel/apparelTrans.csv'));
  await ingestFile(ws, writeText(dir, 'customers.csv', customersCsv()), { kind: 'customers' });
  await analyze(ws);
}

let s: TestServer;
/** The same data in a workspace of its own, where the library is called directly. */
let ref: Awaited<ReturnType<typeof tempWorkspace>>;
let refPlan: CampaignPlan;
let refCreated: CampaignCreated;
let refReport: CampaignEvaluationReport;
let refControls: string[];

beforeAll(async () => {
  s = await startServer({}, fill);
  ref = await tempWorkspace();
  await fill(ref.ws, ref.dir);
  refPlan = await planCampaign(ref.ws, { segment: SELECTION, control: 0.3, asOf: AS_OF, mde: '50%' });
  refCreated = await createCampaign(ref.ws, {
    name: CAMPAIGN.name,
    segment: SELECTION,
    control: 0.3,
    asOf: AS_OF,
    end: CAMPAIGN.end,
    seed: CAMPAIGN.seed,
    stratify: 'stage',
    costPerContact: 2,
  });
  refReport = await evaluateStoredCampaign(ref.ws, CAMPAIGN.name, { store: false });
  refControls = (
    await ref.ws.all<{ customer_id: string }>(
      `SELECT customer_id FROM campaign_contacts WHERE "group" = 'control' ORDER BY customer_id`,
    )
  ).map((r) => r.customer_id);
}, 60_000);

afterAll(async () => {
  await s?.cleanup();
  ref?.cleanup();
});

const get = (url: string) => s.app.inject({ url, headers: AUTH });
const post = (url: string, payload: unknown) =>
  s.app.inject({ method: 'POST', url, headers: AUTH, payload: payload as Record<string, unknown> });

/** English words that a Russian text must not contain (citations and names such as R power.t.test aside). */
const ENGLISH_WORDS = /\b(the|of|with|and|to|is|in|campaign|revenue|control)\b/i;
/** Money as the Russian pages write it: `1 234,50`. */
const rub = (x: number | null) =>
  new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x ?? NaN);

/** Members per stage of `stages` at the analysis of `date`, counted straight from the snapshot table. */
async function snapshotCount(date: string, stages: string[]): Promise<Map<string, number>> {
  const rows = await ref.ws.all<{ stage: string; n: number }>(
    `SELECT cs.stage, count(*) AS n FROM customer_snapshots cs JOIN snapshots s USING (snapshot_id)
     WHERE s.as_of = CAST($1 AS DATE) AND cs.stage IN (${stages.map((_, i) => `$${i + 2}`).join(', ')})
     GROUP BY 1`,
    [date, ...stages],
  );
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/**
 * `actual` equals `expected` value by value, numbers to 1e-9 relative: DuckDB sums doubles in parallel, so an
 * average over many rows may differ in its last bits between two runs on the same data.
 */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectSame((actual as Row)[k], e, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

describe('authentication', () => {
  it('refuses every campaigns endpoint without the token', async () => {
    const calls = [
      { method: 'GET', url: '/api/campaigns' },
      { method: 'GET', url: '/api/campaigns/fields' },
      { method: 'POST', url: '/api/campaigns/plan', payload: { selection: 'orders > 1' } },
      { method: 'POST', url: '/api/campaigns', payload: { name: 'x', selection: 'orders > 1' } },
      { method: 'GET', url: '/api/campaigns/1' },
      { method: 'GET', url: '/api/campaigns/1/evaluate' },
      { method: 'GET', url: '/api/campaigns/1/contacts?format=csv' },
    ] as const;
    for (const call of calls) expectError(await s.app.inject(call), 401);
    expect(json<{ campaigns: Row[] }>(await get('/api/campaigns')).campaigns).toEqual([]);
  });
});

describe('GET /api/campaigns/fields', () => {
  it('lists the fields of the selection language and the dates with an analysis', async () => {
    const body = json<{
      fields: { name: string; group: string; values?: string[] }[];
      analyses: string[];
      predictions: string[];
      sales: { first: string; last: string };
    }>(await get('/api/campaigns/fields'));
    const field = (name: string) => body.fields.find((f) => f.name === name);
    expect(field('orders')?.group).toBe('profile');
    expect(field('stage')).toMatchObject({ group: 'segments', values: expect.arrayContaining(['asleep']) });
    expect(field('email')?.group).toBe('contacts');
    const snapshots = await ref.ws.all<{ d: string }>(
      `SELECT strftime(as_of, '%Y-%m-%d') AS d FROM snapshots ORDER BY as_of DESC`,
    );
    expect(body.analyses).toEqual(snapshots.map((r) => r.d));
    expect(body.analyses).toContain(AS_OF);
    expect(body.predictions).toEqual([]);
    expect(body.sales).toEqual({ first: '2005-01-02', last: '2010-12-20' });
  });
});

describe('POST /api/campaigns/plan', () => {
  it('plans exactly as the library does, storing nothing', async () => {
    const r = await post('/api/campaigns/plan', {
      selection: SELECTION,
      control_share: 0.3,
      as_of: AS_OF,
      mde: '50%',
    });
    expect(r.statusCode, r.body).toBe(200);
    const plan = json<CampaignPlan>(r);
    expectSame(plan, refPlan);
    const stages = await snapshotCount(AS_OF, ['active', 'falling_asleep', 'asleep']);
    const customers = [...stages.values()].reduce((a, b) => a + b, 0);
    expect(plan.customers).toBe(customers);
    expect(plan.controls).toBe(Math.round(0.3 * customers));
    expect(plan.targets).toBe(customers - plan.controls);
    expect(plan.detectable?.absolute).toBeGreaterThan(0);
    expect(plan.sample_size?.total).toBeGreaterThan(0);
    expect(plan.method).toMatch(/two-proportion z-test/);
    expect(json<{ campaigns: Row[] }>(await get('/api/campaigns')).campaigns).toEqual([]);
  });

  it('plans on revenue with the defaults (latest sale, 10 % control, 30 days)', async () => {
    const plan = json<CampaignPlan>(
      await post('/api/campaigns/plan', { selection: 'orders >= 5', metric: 'revenue' }),
    );
    expect(plan).toMatchObject({
      as_of: '2010-12-20',
      control_share: 0.1,
      window_days: 30,
      metric: 'revenue',
    });
    expectSame(plan, await planCampaign(ref.ws, { segment: 'orders >= 5', metric: 'revenue' }));
  });

  it('writes the verdict, the method and the basis in Russian with lang=ru, with the same figures', async () => {
    const r = await post('/api/campaigns/plan?lang=ru', {
      selection: SELECTION,
      control_share: 0.3,
      as_of: AS_OF,
      mde: '50%',
    });
    expect(r.statusCode, r.body).toBe(200);
    const { verdict, method, history, ...figures } = json<CampaignPlan>(r);
    const { verdict: _v, method: _m, history: refHistory, ...refFigures } = refPlan;
    expectSame(figures, refFigures);
    expectSame({ ...history, basis: '' }, { ...refHistory, basis: '' });
    for (const text of [verdict, method, history.basis]) {
      expect(text).toMatch(/[а-яё]{4}/);
      expect(text).not.toMatch(ENGLISH_WORDS);
    }
    expect(method).toMatch(
      /^z-критерий для двух долей, двусторонний на уровне 0,05, мощность 0,8, 2,33 целевых/,
    );
    const points = (100 * (figures.detectable?.absolute ?? NaN)).toFixed(2).replace('.', ',');
    expect(verdict).toContain(`+${points} п. п. конверсии`);
  });

  it('answers 409 with what to run when the rule needs an analysis the date lacks', async () => {
    const r = await post('/api/campaigns/plan', { selection: "stage = 'active'", as_of: '2010-06-15' });
    expectError(r, 409, /no analysis at 2010-06-15.*clientele analyze/);
  });

  it('refuses bad input with a clear 4xx', async () => {
    expectError(await post('/api/campaigns/plan', { selection: 'stage = ' }), 400, /Expected a value/);
    expectError(await post('/api/campaigns/plan', { selection: 'colour = 3' }), 400, /colour/);
    expectError(await post('/api/campaigns/plan', {}), 400, /selection/);
    for (const share of [0, 1, 1.5, -0.1]) {
      expectError(
        await post('/api/campaigns/plan', { selection: 'orders > 1', control_share: share }),
        400,
        /control_share/,
      );
    }
    expectError(
      await post('/api/campaigns/plan', { selection: 'orders > 1', metric: 'clicks' }),
      400,
      /metric/,
    );
    const mde = await post('/api/campaigns/plan', { selection: 'orders > 1', mde: 'lots' });
    expectError(mde, 400, /^mde is the effect to detect/);
    expectError(
      await post('/api/campaigns/plan', { selection: 'orders > 1', as_of: '2010-02-30' }),
      400,
      /^as_of expects a date/,
    );
    expectError(
      await post('/api/campaigns/plan', { selection: 'orders > 1000' }),
      400,
      /No customer matches/,
    );
  });
});

describe('POST /api/campaigns', () => {
  let created: CampaignCreated & { created_at: string };

  beforeAll(async () => {
    const r = await post('/api/campaigns', CAMPAIGN);
    expect(r.statusCode, r.body).toBe(201);
    created = json(r);
    expect(r.headers['location']).toBe(`/api/campaigns/${created.campaign_id}`);
  });

  it('stores the campaign and draws the same control group as the library with the same seed', async () => {
    const { out: _out, ...expected } = refCreated;
    expectSame(created, { ...expected, created_at: created.created_at });
    expect(created.start).toBe('2010-07-01');
    const stages = await snapshotCount(AS_OF, ['active', 'falling_asleep', 'asleep']);
    for (const stratum of created.strata) {
      expect(stratum.members).toBe(stages.get(stratum.stratum));
      expect(stratum.controls).toBe(Math.round(0.3 * (stages.get(stratum.stratum) ?? 0)));
    }
    const controls = json<{ total: number; rows: Row[] }>(
      await get(`/api/campaigns/${created.campaign_id}/contacts?arm=control&limit=1000`),
    );
    expect(controls.total).toBe(created.controls);
    expect(controls.rows.map((r) => r['customer_id'])).toEqual(refControls);
  });

  it('refuses a duplicate name with 409 and stores nothing more', async () => {
    expectError(await post('/api/campaigns', { ...CAMPAIGN, seed: 7 }), 409, /already exists/);
    expectError(
      await post('/api/campaigns', { ...CAMPAIGN, name: `  ${CAMPAIGN.name} ` }),
      409,
      /already exists/,
    );
    expect(json<{ campaigns: Row[] }>(await get('/api/campaigns')).campaigns).toHaveLength(1);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const bad = (patch: Row) => post('/api/campaigns', { ...CAMPAIGN, name: 'Another', ...patch });
    expectError(await bad({ selection: "stage = 'asleep' and" }), 400, /Expected/);
    expectError(await bad({ control_share: 1 }), 400, /control_share/);
    expectError(await bad({ control_share: 0 }), 400, /control_share/);
    expectError(await bad({ seed: 0 }), 400, /seed/);
    expectError(await bad({ name: '' }), 400, /name/);
    expectError(
      await bad({ start: '2010-06-01' }),
      400,
      /^start 2010-06-01 must be after the selection date/,
    );
    expectError(await bad({ end: '2010-06-01' }), 400, /^end 2010-06-01 is before start/);
    expectError(await bad({ stratify: 'colour' }), 400, /^stratify colour is not a column/);
    expectError(await bad({ selection: 'orders > 1000' }), 400, /No customer matches/);
    expectError(await bad({ as_of: '2010-06-15' }), 409, /clientele analyze/);
    expectError(await bad({ as_of: '2010-06-15', selection: 'orders > 2' }), 409, /Stratifying by stage/);
    expect(json<{ campaigns: Row[] }>(await get('/api/campaigns')).campaigns).toHaveLength(1);
  });

  it('lists the campaign with where the sales stand', async () => {
    const list = json<{ sales_until: string; campaigns: Row[] }>(await get('/api/campaigns'));
    expect(list.sales_until).toBe('2010-12-20');
    expect(list.campaigns[0]).toMatchObject({
      campaign_id: created.campaign_id,
      name: CAMPAIGN.name,
      segment: SELECTION,
      as_of: AS_OF,
      start: '2010-07-01',
      end: '2010-07-30',
      last_day: '2010-07-30',
      targets: created.targets,
      controls: created.controls,
      window_status: 'complete',
    });
  });

  it('shows one campaign with its strata, and downloads them', async () => {
    const body = json<{ campaign: Row; strata: Row[]; window_status: string }>(
      await get(`/api/campaigns/${created.campaign_id}`),
    );
    expect(body.campaign['seed']).toBe(42);
    expect(body.strata).toEqual(created.strata.map((x) => ({ ...x })));
    const csv = await get(`/api/campaigns/${created.campaign_id}?format=csv`);
    expect(csv.headers['content-disposition']).toMatch(/campaign-1-strata\.csv/);
    expect(parseCsv(csv.body)[0]).toEqual(['stratum', 'members', 'controls', 'targets']);
    expectError(await get('/api/campaigns/99'), 404, /no campaign 99/);
    expectError(await get('/api/campaigns/abc'), 400, /id/);
  });

  describe('GET /api/campaigns/:id/evaluate', () => {
    let report: CampaignEvaluationReport & { results: Row[]; moves: Row[] };

    beforeAll(async () => {
      const r = await get(`/api/campaigns/${created.campaign_id}/evaluate`);
      expect(r.statusCode, r.body).toBe(200);
      report = json(r);
    });

    it("gives exactly evaluateStoredCampaign's numbers", () => {
      expectSame(report.window, refReport.window);
      expectSame(report.summary, refReport.summary);
      expectSame(report.evaluation, refReport.evaluation);
      expectSame(report.transitions, refReport.transitions);
      expectSame(report.campaign, { ...refReport.campaign, created_at: report.campaign.created_at });
      expect(report.funnel).toBeNull();
      expect(report.window).toMatchObject({ start: '2010-07-01', last_day: '2010-07-30', days: 30 });
    });

    it('counts buyers and revenue per group as a direct query of the sales does', async () => {
      const truth = await ref.ws.all<{ group: string; buyers: number; revenue: number }>(
        `SELECT m."group" AS "group",
                count(DISTINCT s.customer_id) FILTER (WHERE s.amount > 0) AS buyers,
                coalesce(sum(s.amount), 0) AS revenue
         FROM campaign_contacts m LEFT JOIN sales s ON s.customer_id = m.customer_id
           AND s.ts >= TIMESTAMP '2010-07-01' AND s.ts < TIMESTAMP '2010-07-31'
         GROUP BY 1`,
      );
      const of = (group: string) => truth.find((t) => t.group === group);
      const row = (measure: string) => report.results.find((r) => r['measure'] === measure);
      expect(row('buyers')).toMatchObject({
        target: Number(of('target')?.buyers),
        control: Number(of('control')?.buyers),
      });
      expect(row('revenue')?.['target']).toBeCloseTo(Number(of('target')?.revenue), 6);
      expect(row('revenue')?.['control']).toBeCloseTo(Number(of('control')?.revenue), 6);
      expect(row('customers')).toMatchObject({ target: created.targets, control: created.controls });
      expect(row('incremental_revenue')).toMatchObject({
        ...refReport.summary.incremental_revenue,
        p_value: refReport.summary.revenue_p_value,
      });
      expect(row('cost')?.['target']).toBe(2 * created.targets);
      expect(report.moves.length).toBe(
        refReport.transitions.available ? refReport.transitions.moves.length : 0,
      );
    });

    it('records the evaluation, so the list shows the verdict', async () => {
      const list = json<{ campaigns: Row[] }>(await get('/api/campaigns'));
      expect(list.campaigns[0]?.['last_evaluation']).toMatchObject({
        window_days: 30,
        verdict: refReport.summary.verdict,
        incremental_revenue: refReport.summary.incremental_revenue,
      });
    });

    it('writes the verdict and the warnings in Russian with lang=ru, and records no new evaluation for it', async () => {
      const r = await get(`/api/campaigns/${created.campaign_id}/evaluate?lang=ru`);
      expect(r.statusCode, r.body).toBe(200);
      const ru = json<CampaignEvaluationReport>(r);
      expectSame({ ...ru.summary, verdict: '' }, { ...report.summary, verdict: '' });
      expect(ru.warnings).toHaveLength(report.warnings.length);
      const { verdict } = ru.summary;
      expect(verdict).toMatch(/^(Кампания|Измеримого)/);
      expect(verdict).not.toMatch(ENGLISH_WORDS);
      const ir = report.summary.incremental_revenue;
      expect(verdict).toContain(`95 % ДИ от ${rub(ir.lower)} до ${rub(ir.upper)}`);
      const list = json<{ campaigns: Row[] }>(await get('/api/campaigns?lang=ru')).campaigns[0];
      expect(list?.['evaluations']).toBe(1);
      expect(list?.['last_evaluation']).toMatchObject({ verdict });
    });

    it('records a view only when the window or the result changed', async () => {
      const stored = async () =>
        json<{ campaigns: { evaluations: number }[] }>(await get('/api/campaigns')).campaigns[0]?.evaluations;
      const url = `/api/campaigns/${created.campaign_id}/evaluate`;
      expect(await stored()).toBe(1);
      for (let i = 0; i < 2; i++) expect((await get(url)).statusCode).toBe(200);
      expect(await stored()).toBe(1);
      expect((await get(`${url}?window_days=20`)).statusCode).toBe(200);
      expect(await stored()).toBe(2);
      expect((await get(`${url}?window_days=20`)).statusCode).toBe(200);
      expect(await stored()).toBe(2);
    });

    it('takes another window and margin', async () => {
      const r = json<CampaignEvaluationReport>(
        await get(`/api/campaigns/${created.campaign_id}/evaluate?window_days=14&margin=0.5&bootstrap=0`),
      );
      const expected = await evaluateStoredCampaign(ref.ws, CAMPAIGN.name, {
        windowDays: 14,
        margin: 0.5,
        bootstrap: 0,
        store: false,
      });
      expect(r.window).toMatchObject({ days: 14, last_day: '2010-07-14' });
      expectSame(r.summary, expected.summary);
    });

    it('downloads the results and the stage moves as CSV and XLSX', async () => {
      const csv = await get(`/api/campaigns/${created.campaign_id}/evaluate?format=csv`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const rows = parseCsv(csv.body);
      expect(rows[0]).toEqual(['measure', 'target', 'control', 'estimate', 'lower', 'upper', 'p_value']);
      expect(rows.map((r) => r[0]).slice(1)).toEqual(report.results.map((r) => r['measure']));
      const xlsx = await get(`/api/campaigns/${created.campaign_id}/evaluate?format=xlsx&table=transitions`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(1).getCell(1).value).toBe('from');
      expect(sheet?.rowCount).toBe(report.moves.length + 1);
      // The default window, 20 days and 14 days with a margin; the downloads recorded nothing.
      const list = json<{ campaigns: { evaluations: number }[] }>(await get('/api/campaigns'));
      expect(list.campaigns[0]?.evaluations).toBe(3);
    });

    it('answers 404, 400 and 409 as it should', async () => {
      expectError(await get('/api/campaigns/99/evaluate'), 404, /no campaign 99/);
      expectError(await get(`/api/campaigns/${created.campaign_id}/evaluate?margin=2`), 400, /margin/);
      expectError(await get(`/api/campaigns/${created.campaign_id}/evaluate?bootstrap=50`), 400, /bootstrap/);
      expectError(
        await get(`/api/campaigns/${created.campaign_id}/evaluate?window_days=0`),
        400,
        /window_days/,
      );
      const late = await post('/api/campaigns', { name: 'Christmas', selection: 'orders >= 3', seed: 1 });
      expect(late.statusCode, late.body).toBe(201);
      const id = json<{ campaign_id: number; start: string }>(late).campaign_id;
      expect(json<{ start: string }>(late).start).toBe('2010-12-21');
      expectError(
        await get(`/api/campaigns/${id}/evaluate`),
        409,
        /latest sale loaded is 2010-12-20.*clientele ingest/,
      );
      const list = json<{ campaigns: Row[] }>(await get('/api/campaigns'));
      expect(list.campaigns.find((c) => c['campaign_id'] === id)?.['window_status']).toBe('before_start');
    });
  });

  describe('GET /api/campaigns/:id/contacts', () => {
    it('pages the target list with contact details from the customers file', async () => {
      const page = json<{ total: number; rows: Row[] }>(
        await get(`/api/campaigns/${created.campaign_id}/contacts?limit=5&offset=5`),
      );
      expect(page.total).toBe(created.targets);
      expect(page.rows).toHaveLength(5);
      for (const row of page.rows) {
        expect(row['arm']).toBe('target');
        expect(refControls).not.toContain(row['customer_id']);
        expect(row['email']).toBe(`c${String(row['customer_id'])}@example.com`);
        expect(row['stratum']).toBe(row['stage_at_selection']);
      }
      const all = json<{ total: number }>(
        await get(`/api/campaigns/${created.campaign_id}/contacts?arm=all&limit=0`),
      );
      expect(all.total).toBe(created.members);
    });

    it('downloads each list as CSV and XLSX with formulas neutralized', async () => {
      const csv = await get(`/api/campaigns/${created.campaign_id}/contacts?arm=control&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/campaign-1-control\.csv/);
      const rows = parseCsv(csv.body);
      const header = rows[0] ?? [];
      expect(header).toEqual([
        'customer_id',
        'name',
        'email',
        'phone',
        'region',
        'arm',
        'stratum',
        'stage_at_selection',
      ]);
      const body = rows.slice(1).filter((r) => r.length > 1);
      expect(body.map((r) => r[0])).toEqual(refControls);
      const formulas = body.filter((r) => Number(r[0]) % 10 === 0);
      expect(formulas.length).toBeGreaterThan(0);
      for (const r of formulas) expect(r[1]).toBe(`'=1+${r[0]}`);
      for (const r of body.filter((x) => Number(x[0]) % 10 !== 0)) expect(r[1]).toBe(`Customer ${r[0]}`);

      const xlsx = await get(`/api/campaigns/${created.campaign_id}/contacts?arm=target&format=xlsx`);
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.rowCount).toBe(created.targets + 1);
      const names: string[] = [];
      sheet?.eachRow((row, n) => {
        if (n > 1 && Number(row.getCell(1).value) % 10 === 0) names.push(String(row.getCell(2).value));
      });
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^'=1\+\d+0$/);
    });

    it('refuses an unknown group or campaign', async () => {
      expectError(await get(`/api/campaigns/${created.campaign_id}/contacts?arm=everyone`), 400, /arm/);
      expectError(await get('/api/campaigns/99/contacts?format=csv'), 404, /no campaign 99/);
    });

    it('downloads the campaign list as CSV and XLSX', async () => {
      const csv = parseCsv((await get('/api/campaigns?format=csv')).body);
      expect(csv[0]?.slice(0, 3)).toEqual(['campaign_id', 'name', 'segment']);
      expect(
        csv
          .slice(1)
          .filter((r) => r.length > 1)
          .map((r) => r[1]),
      ).toEqual(['Christmas', CAMPAIGN.name]);
      const xlsx = await get('/api/campaigns?format=xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.rowCount).toBe(3);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluationWindow,
  findCampaign,
  memberOutcomes,
  type CampaignEvaluationReport,
  type CampaignListing,
} from '../../src/campaigns/index.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { campaignCli } from './campaign-cli.js';

// 400 customers who bought on 2024-01-15, selected as of 2024-03-31 for a campaign running 2024-04-01 … 04-14.
// Later sales are made by rule, so each member's outcome is known by hand: customer i buys for 25 at 03-31 23:59:59
// (the last moment before the start: pre-period) when i % 11 = 0, for 15 at 04-01 00:00 (the first moment of the
// window) when i % 13 = 0, for 100 on 04-05 when i % 4 = 0, returns 30 on 04-06 when i % 10 = 0 (a return alone is no
// purchase), buys for 40 at 04-15 00:00 (the first moment after a 14-day window) when i % 7 = 0 and for 70 on 04-20
// when i % 3 = 0.
const N = 400;
const id = (i: number) => `K${String(i).padStart(3, '0')}`;
const LATER: [number, string, number, number][] = [
  // modulus, time, amount, day of April (0 = 31 March)
  [11, '2024-03-31 23:59:59', 25, 0],
  [13, '2024-04-01 00:00:00', 15, 1],
  [4, '2024-04-05 12:00:00', 100, 5],
  [10, '2024-04-06 12:00:00', -30, 6],
  [7, '2024-04-15 00:00:00', 40, 15],
  [3, '2024-04-20 12:00:00', 70, 20],
];
/** Customer i's outcome in April days 1 … lastDay, and revenue in the pre-period (31 March only, for short windows). */
function expected(i: number, lastDay: number): { converted: number; revenue: number; pre: number } {
  const lines = LATER.filter(([m]) => i % m === 0);
  const inWindow = lines.filter(([, , , day]) => day >= 1 && day <= lastDay);
  return {
    converted: inWindow.some(([, , amount]) => amount > 0) ? 1 : 0,
    revenue: inWindow.reduce((s, [, , amount]) => s + amount, 0),
    pre: lines.filter(([, , , day]) => day === 0).reduce((s, [, , amount]) => s + amount, 0),
  };
}

let t: Awaited<ReturnType<typeof tempWorkspace>>;
let groups: Map<string, string>;
beforeAll(async () => {
  t = await tempWorkspace();
  const lines = ['order_id,customer_id,date,amount'];
  for (let i = 1; i <= N; i++) lines.push(`A${i},${id(i)},2024-01-15 10:00:00,100`);
  await ingestFile(t.ws, writeText(t.dir, 'history.csv', `${lines.join('\n')}\n`));
  t.ws.close();
  const r = await campaignCli(
    'create',
    '--workspace',
    t.path,
    '--name',
    'Spring',
    '--segment',
    'orders >= 1',
    '--as-of',
    '2024-03-31',
    '--end',
    '2024-04-14',
    '--control',
    '25%',
    '--seed',
    '9',
    '--cost-per-contact',
    '2',
  );
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/target 300 · control 100/);
});
afterAll(() => t.cleanup());

async function withWs<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await Workspace.open(t.path);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

async function evaluate(...args: string[]): Promise<CampaignEvaluationReport> {
  const r = await campaignCli(
    'evaluate',
    'Spring',
    '--workspace',
    t.path,
    '--bootstrap',
    '0',
    ...args,
    '--json',
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as CampaignEvaluationReport;
}

describe('campaign evaluate NAME', () => {
  it('asks for the campaign period’s sales before there are any', async () => {
    const r = await campaignCli('evaluate', 'Spring', '--workspace', t.path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/starts on 2024-04-01, but the latest sale loaded is 2024-01-15/);
  });

  it('counts conversion and net revenue per member in [start, start + window), by hand', async () => {
    const sales = ['order_id,customer_id,date,amount'];
    for (let i = 1; i <= N; i++) {
      for (const [m, time, amount] of LATER)
        if (i % m === 0) sales.push(`L${m}-${i},${id(i)},${time},${amount}`);
    }
    await withWs(async (ws) => {
      await ingestFile(ws, writeText(t.dir, 'april.csv', `${sales.join('\n')}\n`));
      groups = new Map(
        (
          await ws.all<{ customer_id: string; group: string }>(
            `SELECT customer_id, "group" FROM campaign_contacts`,
          )
        ).map((r) => [r.customer_id, r.group]),
      );
    });
    for (const [args, lastDay, days, basis] of [
      [[], 14, 14, 'campaign start to end'],
      [['--window', '7d'], 7, 7, 'given'],
      [['--window', '3w'], 21, 21, 'given'],
    ] as const) {
      const r = await evaluate(...args);
      expect(r.window).toMatchObject({ days, basis, start: '2024-04-01' });
      for (const group of ['target', 'control']) {
        const members = [...Array(N).keys()].map((k) => k + 1).filter((i) => groups.get(id(i)) === group);
        const arm = r.evaluation.arms.find((a) => a.name === group)!;
        expect(arm.customers).toBe(members.length);
        expect(arm.conversions).toBe(members.reduce((s, i) => s + expected(i, lastDay).converted, 0));
        expect(arm.revenue).toBeCloseTo(
          members.reduce((s, i) => s + expected(i, lastDay).revenue, 0),
          6,
        );
      }
    }
    // Per member, through the library: the 14-day window and its pre-period 03-18 … 03-31.
    await withWs(async (ws) => {
      const campaign = await findCampaign(ws, 'Spring');
      const outcomes = await memberOutcomes(
        ws,
        campaign.campaign_id,
        await evaluationWindow(ws, campaign, undefined),
        {
          ids: true,
        },
      );
      outcomes.ids!.forEach((customer, k) => {
        const e = expected(Number(customer.slice(1)), 14);
        expect([outcomes.converted[k], outcomes.revenue[k], outcomes.preRevenue[k]]).toEqual([
          e.converted,
          e.revenue,
          e.pre,
        ]);
      });
    });
  });

  it('reports what is missing: an incomplete window, no pre-period, no analysis, no contact log', async () => {
    const r = await evaluate('--window', '100d');
    expect(r.window).toMatchObject({
      complete: false,
      sales_until: '2024-04-20',
      pre_period_observed: false,
    });
    expect(r.warnings.join(' ')).toMatch(
      /Sales are loaded up to 2024-04-20, before the window's last day 2024-07-09/,
    );
    expect(r.warnings.join(' ')).toMatch(/no CUPED or difference-in-differences/);
    expect(r.summary.incremental_revenue_cuped).toBeNull();
    expect(r.summary.verdict).toMatch(/interim reading/);
    expect(r.transitions).toEqual({
      available: false,
      gap: 'no_analysis',
      reason:
        'there is no analysis: run `clientele analyze` on data that covers the window to see stage moves',
    });
    expect(r.funnel).toBeNull();
    // Cost = 300 targets × 2; the ROI follows the incremental revenue on revenue (margin 1).
    expect(r.summary.cost).toBe(600);
    expect(r.summary.roi?.estimate).toBeCloseTo(
      ((r.summary.incremental_revenue.estimate as number) - 600) / 600,
      10,
    );
  });

  it('applies --margin to the ROI and refuses one above 1', async () => {
    const r = await evaluate('--margin', '0.4');
    expect(r.summary.roi?.estimate).toBeCloseTo(
      ((r.summary.incremental_revenue.estimate as number) * 0.4 - 600) / 600,
      10,
    );
    const bad = await campaignCli('evaluate', 'Spring', '--workspace', t.path, '--margin', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/margin must be between 0 and 1/);
  });

  it('names the campaigns that exist when the name is wrong', async () => {
    const r = await campaignCli('evaluate', 'Sprng', '--workspace', t.path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/There is no campaign "Sprng". Campaigns: "Spring"/);
  });

  it('lists the campaign with its evaluations', async () => {
    const r = await campaignCli('list', '--workspace', t.path, '--json');
    const list = JSON.parse(r.out) as CampaignListing[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'Spring',
      as_of: '2024-03-31',
      start: '2024-04-01',
      end: '2024-04-14',
    });
    // Three windows, the 100-day one and the one with a margin; the refused margin stored nothing.
    expect(list[0]?.evaluations).toBe(5);
    const text = await campaignCli('list', '--workspace', t.path);
    expect(text.out).toMatch(/Spring\s+2024-03-31\s+2024-04-01\s+—\s+300\s+100/);
  });
});

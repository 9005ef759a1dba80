import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignPlan } from '../../src/campaigns/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { minimumDetectableEffectMeanDifference } from '../../src/stats/index.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { campaignCli } from './campaign-cli.js';

// A segment whose history is built by hand: 1,000 customers who each bought for 100 on 2024-01-15; in June 2024,
// customers 1–100 bought again for 50 and customers 101–200 for 150. Planning as of 2024-06-30 with a 30-day
// window selects the segment as of 2024-05-31 and counts June: conversion 200 / 1,000 = 0.2, revenue per customer
// (100·50 + 100·150) / 1,000 = 20, sample variance (800·20² + 100·30² + 100·130²) / 999 = 2,100,000 / 999.
const BASELINE = 0.2;
const MEAN = 20;
const SD = Math.sqrt(2_100_000 / 999);
// R: qnorm(0.975), qnorm(0.8).
const Z_ALPHA = 1.959963984540054;
const Z_POWER = 0.8416212335729143;

let path: string;
let cleanup: () => void;
beforeAll(async () => {
  const t = await tempWorkspace();
  ({ path, cleanup } = t);
  const lines = ['order_id,customer_id,date,amount'];
  for (let i = 1; i <= 1000; i++) {
    const id = `C${String(i).padStart(4, '0')}`;
    lines.push(`A${i},${id},2024-01-15 10:00:00,100`);
    if (i <= 100) lines.push(`B${i},${id},2024-06-10 10:00:00,50`);
    else if (i <= 200) lines.push(`B${i},${id},2024-06-20 10:00:00,150`);
  }
  await ingestFile(t.ws, writeText(t.dir, 'sales.csv', `${lines.join('\n')}\n`));
  t.ws.close();
});
afterAll(() => cleanup());

async function plan(...args: string[]): Promise<CampaignPlan> {
  const r = await campaignCli(
    'plan',
    '--workspace',
    path,
    '--segment',
    'orders >= 1',
    '--as-of',
    '2024-06-30',
    ...args,
    '--json',
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as CampaignPlan;
}

/** The closed form documented on sampleSizeTwoProportions (Fleiss, Levin & Paik 2003, ch. 4), ratio k. */
function proportionN(pC: number, d: number, k: number): number {
  const pT = pC + d;
  const pBar = (pC + k * pT) / (1 + k);
  const root =
    Z_ALPHA * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / k)) +
    Z_POWER * Math.sqrt(pC * (1 - pC) + (pT * (1 - pT)) / k);
  return (root * root) / (d * d);
}

describe('campaign plan from the segment’s own history', () => {
  it('finds the segment, its past members and their June conversion and revenue', async () => {
    const p = await plan('--metric', 'revenue');
    expect(p.customers).toBe(1000);
    expect(p.history).toMatchObject({
      selected_as_of: '2024-05-31',
      from: '2024-06-01',
      to: '2024-06-30',
      days: 30,
      customers: 1000,
      converted: 200,
      conversion_rate: BASELINE,
    });
    expect(p.history.basis).toMatch(/members of the segment as of 2024-05-31 \(30 days before 2024-06-30\)/);
    expect(p.baseline).toBeCloseTo(MEAN, 10);
    expect(p.standard_deviation).toBeCloseTo(SD, 10);
  });

  it('sizes a conversion test: R power.prop.test(p1 = 0.2, p2 = 0.25, power = 0.8) gives n = 1093.739', async () => {
    const p = await plan('--mde', '0.05', '--control', '0.5');
    expect(p.baseline).toBe(BASELINE);
    expect(p.controls).toBe(500);
    expect(p.targets).toBe(500);
    expect(p.sample_size?.controlExact).toBeCloseTo(proportionN(BASELINE, 0.05, 1), 6);
    expect(p.sample_size?.controlExact).toBeCloseTo(1093.739, 2);
    expect(p.sample_size).toMatchObject({ control: 1094, treatment: 1094, total: 2188 });
    expect(p.large_enough).toBe(false);
    expect(p.verdict).toMatch(/you need 1,094 control and 1,094 target customers .* so it is too small/);
    // The same effect written relative to the baseline: 25 % of 0.2.
    const relative = await plan('--mde', '25%', '--control', '0.5');
    expect(relative.mde?.absolute).toBeCloseTo(0.05, 12);
    expect(relative.sample_size?.control).toBe(1094);
  });

  it('gives the effect 500 + 500 customers detect, which the closed form sizes back to 500', async () => {
    const p = await plan('--control', '0.5');
    expect(p.sample_size).toBeNull();
    expect(p.large_enough).toBeNull();
    expect(proportionN(BASELINE, p.detectable!.absolute, 1)).toBeCloseTo(500, 3);
    expect(p.detectable!.relative).toBeCloseTo(p.detectable!.absolute / BASELINE, 12);
    expect(p.verdict).toMatch(/With 500 control and 500 target customers the smallest effect detected/);
  });

  it('uses 9 targets per control for a 10 % control group', async () => {
    const p = await plan('--mde', '0.05');
    expect(p.controls).toBe(100);
    expect(p.sample_size?.controlExact).toBeCloseTo(proportionN(BASELINE, 0.05, 9), 6);
    expect(p.sample_size?.treatment).toBe(Math.ceil(proportionN(BASELINE, 0.05, 9) * 9 - 1e-9));
  });

  it('plans revenue from the history’s standard deviation', async () => {
    const p = await plan('--metric', 'revenue', '--control', '0.1');
    // Normal approximation (z(0.975) + z(0.8))·σ·√(1/100 + 1/900); the t version is slightly larger.
    const approx = (Z_ALPHA + Z_POWER) * SD * Math.sqrt(1 / 100 + 1 / 900);
    expect(p.detectable!.absolute).toBeGreaterThan(approx);
    expect(p.detectable!.absolute).toBeLessThan(approx * 1.01);
    expect(p.detectable!.absolute).toBeCloseTo(
      minimumDetectableEffectMeanDifference({ standardDeviation: SD, controlSize: 100, treatmentSize: 900 }),
      9,
    );
    const sized = await plan('--metric', 'revenue', '--control', '0.5', '--mde', '10');
    // 2(z + z)²σ²/δ² per group by the normal approximation; R power.t.test adds about one customer.
    const n = (2 * (Z_ALPHA + Z_POWER) ** 2 * SD ** 2) / 100;
    expect(sized.sample_size!.controlExact).toBeGreaterThan(n);
    expect(sized.sample_size!.controlExact).toBeLessThan(n + 2);
    expect(sized.large_enough).toBe(true);
    expect(sized.verdict).toMatch(/so it is large enough/);
  });

  it('falls back to the current members’ last window when the rule cannot be evaluated that far back, and says so', async () => {
    const p = await plan('--window', '170d');
    expect(p.history.basis).toMatch(/cannot be evaluated 170 days earlier/);
    expect(p.history.from).toBe('2024-01-13');
    // Everyone bought on 2024-01-15, inside that window: a rate of 1 is no baseline.
    expect(p.baseline).toBe(1);
    expect(p.detectable).toBeNull();
    expect(p.verdict).toMatch(/no usable baseline/);
  });

  it.each([
    [['--metric', 'margin'], /--metric must be conversion or revenue/],
    [['--mde', '-1'], /--mde is the effect to detect/],
    [['--control', '1.5'], /--control is the share/],
    [['--window', '1m'], /--window expects a number of days or weeks/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const r = await campaignCli('plan', '--workspace', path, '--segment', 'orders >= 1', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('says to run analyze when the rule uses stages and there is no analysis', async () => {
    const r = await campaignCli('plan', '--workspace', path, '--segment', "stage = 'asleep'");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/uses stage, which `clientele analyze` computes/);
  });
});

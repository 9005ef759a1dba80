import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  createRandomSource,
  evaluateCampaign,
  welchTTest,
  type CampaignArm,
  type CampaignEvaluation,
} from '../../src/stats/index.js';
import { normal } from './simulate.js';

/**
 * Demo campaign with planted effects: 4,000 customers per arm; "offer" raises conversion from 10 % to 13 % and
 * revenue per customer by 3.0 (on top of a pre-period-driven level); "reminder" does nothing.
 */
function demoArms(seed: number): CampaignArm[] {
  const random = createRandomSource(seed);
  const z = normal(random);
  const arm = (name: string, rate: number, uplift: number, cost?: number): CampaignArm => {
    const n = 4000;
    const converted = new Float64Array(n);
    const revenue = new Float64Array(n);
    const pre = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      pre[i] = Math.exp(3 + 0.5 * z());
      converted[i] = random() < rate ? 1 : 0;
      revenue[i] = Math.max(0, 0.8 * pre[i]! + uplift + 6 * z());
    }
    return { name, converted, revenue, prePeriodRevenue: pre, ...(cost === undefined ? {} : { cost }) };
  };
  return [arm('control', 0.1, 0), arm('offer', 0.13, 3, 6000), arm('reminder', 0.1, 0, 1000)];
}

describe('evaluateCampaign on a demo with planted effects', () => {
  let evaluation: CampaignEvaluation;
  let arms: CampaignArm[];
  beforeAll(() => {
    arms = demoArms(2024);
    evaluation = evaluateCampaign(arms, 'control', { seed: 7, bootstrapReplicates: 300, margin: 0.5 });
  });

  const comparison = (name: string) => {
    const found = evaluation.comparisons.find((c) => c.arm === name);
    if (found === undefined) throw new Error(`no comparison for ${name}`);
    return found;
  };
  const contains = (ci: { lower: number | null; upper: number | null }, value: number) =>
    ci.lower !== null && ci.upper !== null && ci.lower <= value && value <= ci.upper;

  it('finds the planted conversion lift (+3 points) and revenue lift (+3.0 per customer)', () => {
    const offer = comparison('offer');
    expect(offer.conversion.test.pValue).toBeLessThan(0.001);
    expect(contains(offer.conversion.test.confidenceInterval, 0.03)).toBe(true);
    expect(offer.revenuePerCustomer.test.pValue).toBeLessThan(0.001);
    expect(contains(offer.revenuePerCustomer.test.confidenceInterval, 3)).toBe(true);
  });

  it('uses the pre-period: CUPED keeps the estimate honest and narrows the interval', () => {
    const r = comparison('offer').revenuePerCustomer;
    expect(r.cuped).not.toBeNull();
    expect(contains(r.cuped!.adjusted.confidenceInterval, 3)).toBe(true);
    // Revenue = 0.8·pre + noise(6): Var explained ≈ 0.64·Var(pre) / (0.64·Var(pre) + 36) — a large share.
    expect(r.cuped!.varianceReduction).toBeGreaterThan(0.3);
    expect(r.cuped!.adjusted.standardError).toBeLessThan(r.test.standardError);
    // θ estimates the planted slope 0.8 of revenue on pre-period revenue.
    expect(r.cuped!.theta).toBeGreaterThan(0.7);
    expect(r.cuped!.theta).toBeLessThan(0.9);
    expect(contains(r.differenceInDifferences!.test.confidenceInterval, 3)).toBe(true);
  });

  it('finds nothing where nothing was planted', () => {
    const reminder = comparison('reminder');
    expect(contains(reminder.conversion.test.confidenceInterval, 0)).toBe(true);
    expect(contains(reminder.revenuePerCustomer.test.confidenceInterval, 0)).toBe(true);
    expect(reminder.revenuePerCustomer.pValueHolm).toBeGreaterThan(0.05);
  });

  it('scales incremental effects by treated customers and derives ROI from cost and margin', () => {
    const offer = comparison('offer');
    const revenue = offer.revenuePerCustomer;
    expect(revenue.incremental.estimate).toBeCloseTo(revenue.test.estimate * 4000, 8);
    expect(offer.conversion.incremental.estimate).toBeCloseTo(offer.conversion.test.estimate * 4000, 8);
    // ROI = (incremental revenue × 0.5 − 6,000) / 6,000.
    expect(offer.roi?.estimate).toBeCloseTo(
      ((revenue.incremental.estimate as number) * 0.5 - 6000) / 6000,
      10,
    );
    expect(evaluation.arms.find((a) => a.name === 'control')?.cost).toBeNull();
  });

  it('reports the same Welch test a caller would compute directly', () => {
    const offer = arms.find((a) => a.name === 'offer')!;
    const control = arms.find((a) => a.name === 'control')!;
    expect(comparison('offer').revenuePerCustomer.test).toEqual(welchTTest(offer.revenue, control.revenue));
  });

  it('Holm-adjusts within each metric over the two treatment arms', () => {
    const ps = evaluation.comparisons.map((c) => c.conversion.test.pValue as number);
    const adjusted = evaluation.comparisons.map((c) => c.conversion.pValueHolm as number);
    const iMin = ps[0]! <= ps[1]! ? 0 : 1;
    expect(adjusted[iMin]).toBeCloseTo(2 * ps[iMin]!, 15);
    expect(adjusted[1 - iMin]).toBeCloseTo(Math.max(ps[1 - iMin]!, 2 * ps[iMin]!), 15);
  });

  it('passes the sample-ratio check for equal planned thirds', () => {
    expect(evaluation.sampleRatio.chiSquare).toBe(0);
    expect(evaluation.sampleRatio.mismatch).toBe(false);
  });

  it('is reproducible for a seed, and the bootstrap can be switched off', () => {
    const again = evaluateCampaign(arms, 'control', { seed: 7, bootstrapReplicates: 300, margin: 0.5 });
    expect(again).toEqual(evaluation);
    const noBootstrap = evaluateCampaign(arms, 'control', { bootstrapReplicates: 0 });
    expect(noBootstrap.comparisons[0]!.revenuePerCustomer.bootstrap).toBeNull();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(evaluation))).toEqual(evaluation);
  });
});

describe('evaluateCampaign edge cases', () => {
  const zeros = (n: number) => new Float64Array(n);

  it('returns nulls, not NaN, when nobody converted or spent anything', () => {
    const evaluation = evaluateCampaign(
      [
        { name: 'control', converted: zeros(5), revenue: zeros(5) },
        { name: 'mail', converted: zeros(6), revenue: zeros(6), cost: 10 },
      ],
      'control',
      { bootstrapReplicates: 100 },
    );
    const c = evaluation.comparisons[0]!;
    expect(c.conversion.test.pValue).toBeNull();
    expect(c.conversion.pValueHolm).toBeNull();
    expect(c.revenuePerCustomer.test.pValue).toBeNull();
    expect(c.revenuePerCustomer.relativeLift.estimate).toBeNull();
    expect(c.revenuePerCustomer.bootstrap?.bca.lower).toBeNull();
    expect(c.roi?.estimate).toBe(-1); // (0 × 1 − 10) / 10
    expect(c.roi?.confidenceInterval.lower).toBeNull();
    expect(JSON.stringify(evaluation)).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(JSON.stringify(evaluation))).toEqual(evaluation);
  });

  it('computes CUPED only when every arm has pre-period revenue', () => {
    const arms = demoArms(5).map((a) => (a.name === 'reminder' ? { ...a, prePeriodRevenue: undefined } : a));
    const evaluation = evaluateCampaign(arms, 'control', { bootstrapReplicates: 0 });
    expect(evaluation.comparisons.every((c) => c.revenuePerCustomer.cuped === null)).toBe(true);
  });

  it('flags a split that does not match the plan', () => {
    // Planned 90 % treatment / 10 % control, delivered 50/50: χ² enormous.
    const arms = demoArms(6).slice(0, 2);
    const evaluation = evaluateCampaign(arms, 'control', {
      bootstrapReplicates: 0,
      plannedSplit: { control: 1, offer: 9 },
    });
    expect(evaluation.sampleRatio.mismatch).toBe(true);
    expect(evaluation.sampleRatio.expected).toEqual([800, 7200]);
  });

  it('rejects bad input with InputError', () => {
    const ok = { name: 'a', converted: [0, 1], revenue: [0, 5] };
    const control = { name: 'control', converted: [0, 0, 1], revenue: [0, 0, 9] };
    expect(() => evaluateCampaign([ok, control], 'missing')).toThrow(InputError);
    expect(() => evaluateCampaign([ok, control, ok], 'control')).toThrow(InputError);
    expect(() => evaluateCampaign([control], 'control')).toThrow(InputError);
    expect(() => evaluateCampaign([{ ...ok, converted: [0, 2] }, control], 'control')).toThrow(/0 or 1/);
    expect(() => evaluateCampaign([{ ...ok, revenue: [1] }, control], 'control')).toThrow(InputError);
    expect(() => evaluateCampaign([{ ...ok, revenue: [1, NaN] }, control], 'control')).toThrow(InputError);
    expect(() => evaluateCampaign([ok, control], 'control', { plannedSplit: { a: 1 } })).toThrow(/no share/);
    expect(() => evaluateCampaign([ok, control], 'control', { margin: 2 })).toThrow(InputError);
  });
});

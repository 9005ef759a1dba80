import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateCampaign,
  relativeLift,
  sampleRatioMismatch,
  studentTTest,
  summarize,
  welchTTest,
  type CampaignEvaluation,
} from '../../src/stats/index.js';
import { arm, loadHillstrom, type HillstromArm } from './hillstrom-data.js';

// Expected values: ../shared/data/hillstrom/README.md ("Reference results"), which cites 安井翔太『効果検証入門』
// ch. 1 (ghmagazine/cibook, R/ch1_bias.R; Python port nekoumei/cibook-python) for the Mens vs No E-Mail figures.

/** The value rounded to `digits` significant digits, to compare with a README figure printed that way. */
const sig = (x: number | null, digits: number): number => Number((x ?? NaN).toPrecision(digits));

let arms: Map<string, HillstromArm>;
let rows: number;
let mens: HillstromArm;
let womens: HillstromArm;
let none: HillstromArm;

beforeAll(() => {
  ({ arms, rows } = loadHillstrom());
  mens = arm(arms, 'Mens E-Mail');
  womens = arm(arms, 'Womens E-Mail');
  none = arm(arms, 'No E-Mail');
});

const total = (values: Float64Array): number => values.reduce((s, v) => s + v, 0);

describe('Hillstrom arms (README table 1)', () => {
  it('has 64,000 rows in three arms of 21,307 / 21,387 / 21,306', () => {
    expect(rows).toBe(64_000);
    expect([...arms.keys()].sort()).toEqual(['Mens E-Mail', 'No E-Mail', 'Womens E-Mail']);
    expect([mens.spend.length, womens.spend.length, none.spend.length]).toEqual([21_307, 21_387, 21_306]);
  });

  // README: visits 3,894 / 3,238 / 2,262 = 18.2757 % / 15.1400 % / 10.6167 %;
  // conversions 267 / 189 / 122 = 1.2531 % / 0.8837 % / 0.5726 %.
  it.each([
    ['Mens E-Mail', 3894, 18.2757, 267, 1.2531],
    ['Womens E-Mail', 3238, 15.14, 189, 0.8837],
    ['No E-Mail', 2262, 10.6167, 122, 0.5726],
  ])(
    '%s: visits %i (%f %%), conversions %i (%f %%)',
    (name, visits, visitPct, conversions, conversionPct) => {
      const a = arm(arms, name);
      expect(total(a.visit)).toBe(visits);
      expect(total(a.conversion)).toBe(conversions);
      expect(summarize(a.visit).mean * 100).toBeCloseTo(visitPct, 4);
      expect(summarize(a.conversion).mean * 100).toBeCloseTo(conversionPct, 4);
    },
  );

  // README: spend per customer $1.422617 / $1.077202 / $0.652789; total $30,311.69 / $23,038.11 / $13,908.33;
  // per converter $113.53 / $121.89 / $114.00.
  it.each([
    ['Mens E-Mail', 1.422617, 30311.69, 113.53],
    ['Womens E-Mail', 1.077202, 23038.11, 121.89],
    ['No E-Mail', 0.652789, 13908.33, 114.0],
  ])('%s: spend per customer %f, total %f, per converter %f', (name, perCustomer, spend, perConverter) => {
    const a = arm(arms, name);
    expect(summarize(a.spend).mean).toBeCloseTo(perCustomer, 6);
    expect(total(a.spend)).toBeCloseTo(spend, 2);
    expect(total(a.spend) / total(a.conversion)).toBeCloseTo(perConverter, 2);
  });

  it('overall: visit 14.678 %, conversion 0.9031 %, spend per customer $1.050908 (README)', () => {
    const all = (key: keyof HillstromArm) => Float64Array.from([...mens[key], ...womens[key], ...none[key]]);
    expect(summarize(all('visit')).mean * 100).toBeCloseTo(14.678, 3);
    expect(summarize(all('conversion')).mean * 100).toBeCloseTo(0.9031, 4);
    expect(summarize(all('spend')).mean).toBeCloseTo(1.050908, 6);
  });
});

describe('Hillstrom lift over control (README table 2)', () => {
  it('Mens vs No spend, Student t: t = 5.300090294465472, p = 1.163200872605869e-07 (cibook, scipy ttest_ind)', () => {
    const r = studentTTest(mens.spend, none.spend);
    expect(r.estimate).toBeCloseTo(0.769827, 6);
    expect(r.df).toBe(21_307 + 21_306 - 2);
    // Agreement to ~14 significant digits; the last digits depend on summation order.
    expect(r.statistic).toBeCloseTo(5.300090294465472, 12);
    expect(Math.abs((r.pValue as number) / 1.163200872605869e-7 - 1)).toBeLessThan(1e-10);
  });

  // Columns: metric, diff (6 decimals), relative lift % (2 decimals), t (README's digits), p (README's digits),
  // Welch 95 % CI (README's decimals).
  type Row = [keyof HillstromArm, number, number, number, number, number, number, [number, number], number];
  const mensRows: Row[] = [
    ['visit', 0.07659, 72.14, 22.62, 5, 1.3e-112, 2, [0.06995, 0.08323], 5],
    ['conversion', 0.006805, 118.84, 7.39, 4, 1.5e-13, 2, [0.005, 0.00861], 5],
    ['spend', 0.769827, 117.93, 5.3001, 5, 1.16e-7, 3, [0.4851, 1.0545], 4],
  ];
  const womensRows: Row[] = [
    ['visit', 0.045233, 42.61, 13.98, 4, 2.5e-44, 2, [0.03889, 0.05157], 5],
    ['conversion', 0.003111, 54.33, 3.78, 3, 1.6e-4, 2, [0.0015, 0.00472], 5],
    ['spend', 0.424412, 65.02, 3.25, 3, 1.1e-3, 2, [0.169, 0.6799], 4],
  ];
  const cases = [
    ...mensRows.map((r) => ['Mens E-Mail', ...r] as const),
    ...womensRows.map((r) => ['Womens E-Mail', ...r] as const),
  ];

  it.each(cases)(
    '%s vs No E-Mail, %s',
    (name, metric, diff, liftPct, t, tDigits, p, pDigits, ci, ciDecimals) => {
      const x = arm(arms, name)[metric];
      const y = none[metric];
      const student = studentTTest(x, y);
      const welch = welchTTest(x, y);
      expect(student.estimate).toBeCloseTo(diff, 6);
      expect(welch.estimate).toBe(student.estimate);
      expect((relativeLift(x, y).estimate as number) * 100).toBeCloseTo(liftPct, 2);
      // The README's t is Student's; "Student / Welch; they agree here": Welch's within 0.1 %.
      expect(sig(student.statistic, tDigits)).toBe(t);
      expect(Math.abs((welch.statistic as number) / (student.statistic as number) - 1)).toBeLessThan(1e-3);
      if (name === 'Womens E-Mail' && metric === 'visit') {
        // The README truncates this one: Student p = 2.5596e-44 (scipy ttest_ind gives 2.5596302014419144e-44).
        expect(student.pValue).toBeGreaterThanOrEqual(2.5e-44);
        expect(student.pValue).toBeLessThan(2.6e-44);
        expect(Math.abs((student.pValue as number) / 2.5596302014419144e-44 - 1)).toBeLessThan(1e-8);
      } else {
        expect(sig(student.pValue, pDigits)).toBe(p);
      }
      expect(welch.confidenceInterval.lower).toBeCloseTo(ci[0], ciDecimals);
      expect(welch.confidenceInterval.upper).toBeCloseTo(ci[1], ciDecimals);
    },
  );
});

describe('Hillstrom evaluation', () => {
  let evaluation: CampaignEvaluation;
  beforeAll(() => {
    evaluation = evaluateCampaign(
      [...arms].map(([name, a]) => ({
        name,
        converted: a.conversion,
        revenue: a.spend,
        cost: name === 'No E-Mail' ? 0 : 2000,
      })),
      'No E-Mail',
      { seed: 20080320, bootstrapReplicates: 1000, margin: 0.5 },
    );
  });

  it('reports customers, conversion rate and revenue per customer of every arm (README table 1)', () => {
    const byName = new Map(evaluation.arms.map((a) => [a.name, a]));
    expect(byName.get('Mens E-Mail')).toMatchObject({ customers: 21_307, conversions: 267 });
    expect(byName.get('Womens E-Mail')).toMatchObject({ customers: 21_387, conversions: 189 });
    expect(byName.get('No E-Mail')).toMatchObject({ customers: 21_306, conversions: 122 });
    expect(byName.get('Mens E-Mail')?.revenuePerCustomer).toBeCloseTo(1.422617, 6);
    expect(byName.get('Mens E-Mail')?.revenue).toBeCloseTo(30311.69, 2);
    expect(byName.get('No E-Mail')?.conversionRate).toBeCloseTo(0.005726, 6);
  });

  it('compares revenue with Welch as in the README and conversion with the two-proportion z-test', () => {
    const mensResult = evaluation.comparisons.find((c) => c.arm === 'Mens E-Mail');
    expect(mensResult).toBeDefined();
    const { conversion, revenuePerCustomer: revenue } = mensResult!;
    expect(revenue.test.estimate).toBeCloseTo(0.769827, 6); // README
    expect(revenue.test.confidenceInterval.lower).toBeCloseTo(0.4851, 4); // README Welch CI
    expect(revenue.test.confidenceInterval.upper).toBeCloseTo(1.0545, 4);
    // scipy.stats.chi2_contingency([[267, 21040], [122, 21184]], correction=False): χ² = 54.53991486246351
    // (z = √χ² = 7.385114410925772), p = 1.5232235005955455e-13. README t for 0/1 data is 7.390 (a t-test).
    expect(conversion.test.statistic).toBeCloseTo(7.385114410925772, 10);
    expect(Math.abs((conversion.test.pValue as number) / 1.5232235005955455e-13 - 1)).toBeLessThan(1e-8);
    // Incremental = difference × treated customers: 0.769827… × 21,307 ≈ 16,402.7 (README diff × n).
    expect(revenue.incremental.estimate).toBeCloseTo(revenue.test.estimate * 21_307, 8);
    expect(revenue.incremental.estimate).toBeCloseTo(16402.7, 0);
    expect(conversion.incremental.estimate).toBeCloseTo(0.006805006519615695 * 21_307, 6); // ≈ 145 extra buyers
    // ROI = (16,402.707 × 0.5 − 2,000) / 2,000 = 3.1006768 (by hand, margin 0.5, cost 2,000).
    expect(mensResult!.roi?.estimate).toBeCloseTo(3.1006768, 6);
    expect(mensResult!.roi?.confidenceInterval.lower).toBeCloseTo(
      ((revenue.incremental.confidenceInterval.lower as number) * 0.5 - 2000) / 2000,
      10,
    );
  });

  it('adjusts p-values with Holm over the two e-mail arms', () => {
    const [a, b] = evaluation.comparisons.map((c) => c.revenuePerCustomer);
    const ps = [a!.test.pValue as number, b!.test.pValue as number];
    // Holm with m = 2: the smaller p doubled, the larger one max(its own p, the doubled smaller one).
    const small = Math.min(...ps);
    const large = Math.max(...ps);
    const adjusted = [a!.pValueHolm, b!.pValueHolm];
    expect(adjusted).toContain(2 * small);
    expect(adjusted).toContain(Math.max(large, 2 * small));
  });

  it('passes the sample-ratio check: χ²(2) ≈ 0.20 against equal thirds (README)', () => {
    expect(evaluation.sampleRatio.df).toBe(2);
    expect(evaluation.sampleRatio.chiSquare).toBeCloseTo(0.2, 2);
    expect(evaluation.sampleRatio.mismatch).toBe(false);
    expect(sampleRatioMismatch([21_307, 21_387, 21_306], [1, 1, 1]).chiSquare).toBeCloseTo(0.20253125, 12);
  });

  it('gives a bootstrap interval close to the Welch interval for spend (a check, not an oracle)', () => {
    for (const c of evaluation.comparisons) {
      const r = c.revenuePerCustomer;
      expect(r.bootstrap?.replicates).toBe(1000);
      const width = (r.test.confidenceInterval.upper as number) - (r.test.confidenceInterval.lower as number);
      // 1000 replicates: Monte Carlo error of a 2.5 % quantile is ≈ 4 % of the width; allow 15 %.
      expect(
        Math.abs((r.bootstrap!.bca.lower as number) - (r.test.confidenceInterval.lower as number)),
      ).toBeLessThan(0.15 * width);
      expect(
        Math.abs((r.bootstrap!.bca.upper as number) - (r.test.confidenceInterval.upper as number)),
      ).toBeLessThan(0.15 * width);
    }
  });

  it('is plain JSON: a round trip through JSON.stringify changes nothing', () => {
    expect(JSON.parse(JSON.stringify(evaluation))).toEqual(evaluation);
  });
});

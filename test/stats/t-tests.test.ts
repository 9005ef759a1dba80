import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { studentTTest, summarize, welchTTest } from '../../src/stats/index.js';

// R datasets::sleep, extra hours of sleep by drug group (Cushny & Peebles 1905, as in Student 1908).
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTTest', () => {
  it('matches R t.test(extra ~ group, data = sleep)', () => {
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832, means 0.75 and 2.33.
    const r = welchTTest(group1, group2);
    expect(r.method).toBe('welch');
    expect(r.estimate).toBeCloseTo(0.75 - 2.33, 12);
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.pValue).toBeCloseTo(0.07939, 5);
    expect(r.confidenceInterval.lower).toBeCloseTo(-3.3654832, 7);
    expect(r.confidenceInterval.upper).toBeCloseTo(0.2054832, 7);
    // scipy.stats.ttest_ind(g1, g2, equal_var=False): t = -1.8608134674868526, df = 17.776473516178488,
    // p = 0.0793941401873583.
    expect(r.statistic).toBeCloseTo(-1.8608134674868526, 12);
    expect(r.df).toBeCloseTo(17.776473516178488, 10);
    expect(r.pValue).toBeCloseTo(0.0793941401873583, 12);
  });

  it('takes the confidence level as a parameter', () => {
    // scipy: ttest_ind(g1, g2, equal_var=False).confidence_interval(0.99) = (-4.027632919919039, 0.86763291991904).
    const r = welchTTest(group1, group2, { confidence: 0.99 });
    expect(r.confidenceInterval).toEqual({
      lower: expect.closeTo(-4.027632919919039, 10) as number,
      upper: expect.closeTo(0.86763291991904, 10) as number,
      level: 0.99,
    });
  });

  it('gives the same result from summaries as from values', () => {
    expect(welchTTest(summarize(group1), summarize(group2))).toEqual(welchTTest(group1, group2));
  });

  it('returns nulls, not NaN, when both groups have no variance', () => {
    const r = welchTTest([1, 1, 1], [2, 2]);
    expect(r.estimate).toBe(-1);
    expect(r.statistic).toBeNull();
    expect(r.pValue).toBeNull();
    expect(r.confidenceInterval).toEqual({ lower: null, upper: null, level: 0.95 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('rejects bad input', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(InputError);
    expect(() => welchTTest(group1, group2, { confidence: 95 })).toThrow(InputError);
    expect(() => welchTTest({ n: 1, mean: 0, variance: 1 }, group2)).toThrow(InputError);
  });
});

describe('studentTTest', () => {
  it('matches R t.test(extra ~ group, data = sleep, var.equal = TRUE)', () => {
    // R: t = -1.8608, df = 18, p-value = 0.07919, 95 % CI -3.363874 0.203874.
    // scipy.stats.ttest_ind(g1, g2): t = -1.8608134674868524, p = 0.07918671421593822,
    // CI (-3.3638740322875984, 0.20387403228759915).
    const r = studentTTest(group1, group2);
    expect(r.method).toBe('student');
    expect(r.df).toBe(18);
    expect(r.statistic).toBeCloseTo(-1.8608134674868524, 12);
    expect(r.pValue).toBeCloseTo(0.07918671421593822, 12);
    expect(r.confidenceInterval.lower).toBeCloseTo(-3.3638740322875984, 10);
    expect(r.confidenceInterval.upper).toBeCloseTo(0.20387403228759915, 10);
  });

  it('takes the confidence level as a parameter', () => {
    // scipy: ttest_ind(g1, g2).confidence_interval(0.90) = (-3.0523778316996033, -0.10762216830039706).
    const r = studentTTest(group1, group2, { confidence: 0.9 });
    expect(r.confidenceInterval.lower).toBeCloseTo(-3.0523778316996033, 10);
    expect(r.confidenceInterval.upper).toBeCloseTo(-0.10762216830039706, 10);
  });
});

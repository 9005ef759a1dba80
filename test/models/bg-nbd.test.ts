// BG/NBD on the CDNOW 1/10 sample (2,357 customers, 39-week calibration, weeks), against the published values
// collected in ../shared/data/cdnow/README.md and reference_values.json.
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  bgNbdPurchaseProbability,
  customerSummary,
  expectedCumulativePurchases,
  fitBgNbd,
  holdoutByFrequency,
  holdoutErrors,
} from '../../src/models/index.js';
import { cdnowCbs, cdnowLifetimesSummary, significant, sum } from './fixtures.js';

const cbs = cdnowCbs();
const summary = customerSummary({ timeUnit: 'weeks', x: cbs.x, tx: cbs.tx, T: cbs.T });
const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const btyd = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const lifetimes = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
const one = (x: number, tx: number, T: number) =>
  customerSummary({ timeUnit: 'weeks', x: [x], tx: [tx], T: [T] });

describe('BG/NBD fit on CDNOW', () => {
  const fit = fitBgNbd(summary);

  it('reproduces Fader, Hardie & Lee (2005) on the unrounded BTYD summary', () => {
    // lifetimes Quickstart r 0.242593, α 4.413532, a 0.792886, b 2.425752 (FHL 2005: 0.243, 4.414, 0.793, 2.426),
    // to 4 significant digits; LL −9582.43 (BTYD vignette / reference_values.json: −9582.429).
    expect(Math.abs(fit.params.r - 0.242593)).toBeLessThanOrEqual(significant(0.242593, 4));
    expect(Math.abs(fit.params.alpha - 4.413532)).toBeLessThanOrEqual(significant(4.413532, 4));
    expect(Math.abs(fit.params.a - 0.792886)).toBeLessThanOrEqual(significant(0.792886, 4));
    expect(Math.abs(fit.params.b - 2.425752)).toBeLessThanOrEqual(significant(2.425752, 4));
    expect(Math.abs(fit.loglik - -9582.43)).toBeLessThanOrEqual(0.01);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.timeUnit).toBe('weeks');
    // Our optimum is at least as good as BTYD's own estimate.
    expect(fit.loglik).toBeGreaterThanOrEqual(bgNbd.logLikelihood(btyd, summary) - 1e-9);
  });

  it('reports standard errors from the Hessian for every parameter', () => {
    for (const name of bgNbd.paramNames) {
      expect(fit.stdErrors[name]).toBeGreaterThan(0);
      expect(fit.stdErrors[name]).toBeLessThan(fit.params[name]);
    }
  });

  it('matches lifetimes to 6 digits on its own 2-decimal summary', () => {
    // lifetimes Quickstart (BetaGeoFitter on cdnow_customers_summary): 0.242593, 4.413532, 0.792886, 2.425752;
    // base-R optim re-fit in cdnow_full/README.md: LL −9582.426.
    const rounded = cdnowLifetimesSummary();
    const fit2 = fitBgNbd(customerSummary({ timeUnit: 'weeks', x: rounded.x, tx: rounded.tx, T: rounded.T }));
    for (const name of bgNbd.paramNames)
      expect(Math.abs(fit2.params[name] / lifetimes[name] - 1)).toBeLessThan(2e-6);
    expect(Math.abs(fit2.loglik - -9582.426)).toBeLessThan(0.001);
  });

  it('shrinks the parameters under an L2 penalty', () => {
    const penalized = fitBgNbd(summary, { penalty: 0.1 });
    const total = (p: typeof fit.params) => p.r + p.alpha + p.a + p.b;
    expect(total(penalized.params)).toBeLessThan(total(fit.params));
    expect(penalized.loglik).toBeLessThan(fit.loglik);
  });
});

describe('BG/NBD predictions on CDNOW', () => {
  it('gives the conditional expectation of Hardie’s spreadsheet', () => {
    // lifetimes test (Hardie's spreadsheet), paper parameters: E[X(39) | x=2, t_x=30.43, T=38.86] = 1.226 ± 0.001.
    expect(bgNbd.conditionalExpectedPurchases(paper, one(2, 30.43, 38.86), 39)[0]).toBeCloseTo(1.226, 3);
  });

  it('gives the unconditional expectations E[X(t)]', () => {
    // lifetimes test (Hardie's spreadsheet) at t = 0.1429 … 78: 0.0078 0.0532 0.1506 1.0405 1.0437 1.8576. These
    // match the lifetimes parameters (not the rounded paper ones: those give 1.8605 at t = 78); the spreadsheet's
    // t = 78 value is 4·10⁻⁴ low, so the tolerance is 5·10⁻⁴. Numerical integration confirms our values
    // (conformance.test.ts).
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) =>
      expect(Math.abs(bgNbd.expectedPurchases(lifetimes, t) - expected[i]!)).toBeLessThan(5e-4),
    );
    // BTYD vignette: E[X(52)] = 1.444004 with BTYD's parameters.
    expect(Math.abs(bgNbd.expectedPurchases(btyd, 52) - 1.444004)).toBeLessThan(1e-6);
  });

  it('gives customer 1516’s expectation and P(alive) (BTYD vignette)', () => {
    // BTYD vignette: x=26, t_x=30.857143, T=31: E[X(52)] = 25.75659, P(alive) = 0.9688523 with BTYD's parameters
    // (printed to 7 digits, hence the 1e-5 relative tolerance).
    const c1516 = one(26, 30.857143, 31);
    expect(Math.abs(bgNbd.conditionalExpectedPurchases(btyd, c1516, 52)[0]! / 25.75659 - 1)).toBeLessThan(
      1e-5,
    );
    expect(bgNbd.probabilityAlive(btyd, c1516)[0]).toBeCloseTo(0.9688523, 6);
  });

  it('gives P(X(t) = n) of lifetimes’ test against R BTYD', () => {
    // lifetimes test vs BTYD bgnbd.pmf, paper parameters: P(X(2)=10) = 1.07869e-07, P(X(39)=0) = 0.5737864,
    // and P(X(30)=n) for n = 11..20 (reference_values.json).
    expect(Math.abs(bgNbdPurchaseProbability(paper, 2, 10) / 1.07869e-7 - 1)).toBeLessThan(1e-5);
    expect(bgNbdPurchaseProbability(paper, 39, 0)).toBeCloseTo(0.5737864, 7);
    const pmf30 = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
      0.0003467171, 0.0002769613, 0.000222226,
    ];
    pmf30.forEach((p, i) =>
      expect(Math.abs(bgNbdPurchaseProbability(paper, 30, 11 + i) - p)).toBeLessThan(5e-11),
    );
  });

  it('has a probability mass function that sums to 1 with mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgNbdPurchaseProbability(paper, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(bgNbd.expectedPurchases(paper, 39), 10);
  });

  it('reproduces the holdout table by calibration frequency and the 1,653.4 total (BTYD vignette)', () => {
    // BTYD vignette, BTYD parameters, 39-week holdout: mean holdout purchases by x = 0..7+.
    const predicted = bgNbd.conditionalExpectedPurchases(btyd, summary, 39);
    const table = holdoutByFrequency(cbs.x, cbs.xStar, predicted);
    expect(table.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect([...table.customers]).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const actual = [0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375];
    const model = [0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036];
    actual.forEach((v, b) => expect(table.actualMean[b]).toBeCloseTo(v, 6));
    model.forEach((v, b) => expect(Math.abs(table.predictedMean[b]! / v - 1)).toBeLessThan(1e-5));
    const errors = holdoutErrors(cbs.xStar, predicted);
    expect(errors.actualTotal).toBe(1882);
    expect(errors.predictedTotal).toBeCloseTo(1653.4, 1);
    expect(errors.aggregateErrorPercent).toBeCloseTo(((1653.4 - 1882) / 1882) * 100, 1);
    expect(errors.mae).toBeGreaterThan(0);
  });

  it('reproduces the cumulative tracking curve at weeks 20–25 (BTYD vignette)', () => {
    // BTYD bgnbd.ExpectedCumulativeTransactions: customers are born at max(T) − T weeks after 1997-01-01;
    // expected cumulative repeat purchases at weeks 20..25 = 1312.458 1387.346 1460.392 1531.713 1601.418 1669.6.
    const maxT = Math.max(...cbs.T);
    const birth = cbs.T.map((T) => maxT - T);
    const curve = expectedCumulativePurchases(bgNbd, btyd, birth, [20, 21, 22, 23, 24, 25]);
    [1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6].forEach((v, i) =>
      expect(Math.abs(curve[i]! / v - 1)).toBeLessThan(1e-5),
    );
    expect(sum(cbs.x)).toBe(2457);
  });
});

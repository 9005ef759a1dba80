// Pareto/NBD on the CDNOW 1/10 sample (weeks), against ../shared/data/cdnow/README.md and reference_values.json.
import { describe, expect, it } from 'vitest';
import { customerSummary, fitParetoNbd, holdoutByFrequency, paretoNbd } from '../../src/models/index.js';
import { cdnowCbs, significant } from './fixtures.js';

const cbs = cdnowCbs();
const summary = customerSummary({ timeUnit: 'weeks', x: cbs.x, tx: cbs.tx, T: cbs.T });
const btyd = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };

describe('Pareto/NBD fit on CDNOW', () => {
  const fit = fitParetoNbd(summary);

  it('reproduces the published parameters and log-likelihood', () => {
    // FHL 2005 via CLVTools and lifetimes tests: r 0.553, α 10.578, s 0.606, β 11.669; LL −9594.98 (BTYD: −9594.976).
    // r, α and s to 3 significant digits.
    expect(Math.abs(fit.params.r - 0.553)).toBeLessThanOrEqual(significant(0.553, 3));
    expect(Math.abs(fit.params.alpha - 10.578)).toBeLessThanOrEqual(significant(10.578, 3));
    expect(Math.abs(fit.params.s - 0.606)).toBeLessThanOrEqual(significant(0.606, 3));
    // β is poorly identified: its standard error is about 6.2 (CLVTools: 6.2105448), and fits that stop anywhere
    // between 11.65 and 11.67 share LL −9594.976 (README), so it is only checked loosely.
    expect(Math.abs(fit.params.beta - 11.66)).toBeLessThan(0.1);
    expect(Math.abs(fit.loglik - -9594.98)).toBeLessThanOrEqual(0.01);
    expect(fit.converged).toBe(true);
  });

  it('finds the standard error of β that CLVTools reports (6.2105448)', () => {
    expect(Math.abs(fit.stdErrors.beta / 6.2105448 - 1)).toBeLessThan(0.01);
    for (const name of paretoNbd.paramNames) expect(fit.stdErrors[name]).toBeGreaterThan(0);
  });
});

describe('Pareto/NBD predictions on CDNOW', () => {
  it('gives customer 1516’s expectation and P(alive), and E[X(52)] (BTYD vignette)', () => {
    // BTYD vignette with its parameters printed as 0.5534, 10.5802, 0.6061, 11.6562: for x=26, t_x=30.857143,
    // T=31, E[X(52)] = 25.45647 and P(alive) = 0.997874; E[X(52)] of a new customer = 1.473434. The vignette's
    // exact parameter digits are unknown (reference_values.json's 7-digit ones reproduce P(alive) to 1e-6 but the
    // expectations only to 1e-4 and 2.2e-4); the closed forms themselves are checked to 1e-8 against numerical
    // integration in conformance.test.ts.
    const c1516 = customerSummary({ timeUnit: 'weeks', x: [26], tx: [30.857143], T: [31] });
    expect(Math.abs(paretoNbd.probabilityAlive(btyd, c1516)[0]! - 0.997874)).toBeLessThan(1e-6);
    expect(Math.abs(paretoNbd.conditionalExpectedPurchases(btyd, c1516, 52)[0]! / 25.45647 - 1)).toBeLessThan(
      2e-4,
    );
    expect(Math.abs(paretoNbd.expectedPurchases(btyd, 52) / 1.473434 - 1)).toBeLessThan(3e-4);
  });

  it('reproduces the holdout means by calibration frequency (BTYD vignette)', () => {
    // BTYD vignette, 39-week holdout, mean by x = 0..7+: 0.138 0.600 1.196 1.714 2.399 2.907 3.819 6.403; within
    // 0.001 because of the unknown parameter digits (see above: ours give 0.5994 and 2.3983 for bins 1 and 4).
    const table = holdoutByFrequency(
      cbs.x,
      cbs.xStar,
      paretoNbd.conditionalExpectedPurchases(btyd, summary, 39),
    );
    [0.138, 0.6, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403].forEach((v, b) =>
      expect(Math.abs(table.predictedMean[b]! - v)).toBeLessThan(0.001),
    );
  });
});

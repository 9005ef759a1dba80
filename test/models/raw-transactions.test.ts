// Summaries built from raw transaction files (fixtures.ts: same-day merge, weeks = days/7) and the model figures
// the data READMEs give for them: the CDNOW sample and full cohort, apparel and grocery.
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  customerSummary,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  spendSummary,
  type BgNbdParams,
  type ParetoNbdParams,
} from '../../src/models/index.js';
import {
  cdnowCbs,
  cdnowLifetimesSummary,
  cdnowTransactions,
  csvTransactions,
  dayNumber,
  summarize,
  sum,
} from './fixtures.js';

const within = (actual: number, expected: number, digits: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);

function expectParams<P>(actual: P, expected: P, digits: number): void {
  for (const name of Object.keys(expected as object) as (keyof P)[]) {
    within(actual[name] as number, expected[name] as number, digits);
  }
}

describe('CDNOW sample from CDNOW_sample.txt', () => {
  it('rebuilds BTYD’s and lifetimes’ summaries exactly', () => {
    // cdnow/README.md: summaries built with these rules match cdnow_customers_summary.csv at 2 dp and zbar to 0.01.
    const built = summarize(
      cdnowTransactions('cdnow_full/CDNOW_sample.txt', false),
      dayNumber(1997, 9, 30),
      dayNumber(1998, 6, 30),
    );
    const cbs = cdnowCbs();
    const lifetimes = cdnowLifetimesSummary();
    expect(built.x.length).toBe(2357);
    for (let i = 0; i < 2357; i++) {
      expect(built.x[i]).toBe(cbs.x[i]);
      expect(built.tx[i]).toBeCloseTo(cbs.tx[i]!, 6);
      expect(built.T[i]).toBeCloseTo(cbs.T[i]!, 6);
      expect(built.xStar[i]).toBe(cbs.xStar[i]);
      expect(Math.abs(built.mx[i]! - lifetimes.mx[i]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});

describe('CDNOW full cohort (23,570 customers)', () => {
  const built = summarize(
    cdnowTransactions('cdnow_full/CDNOW_master.txt', true),
    dayNumber(1997, 9, 30),
    dayNumber(1998, 6, 30),
  );
  const summary = customerSummary({ timeUnit: 'weeks', x: built.x, tx: built.tx, T: built.T });

  it('has the README’s counts', () => {
    // cdnow/README.md: 24,337 repeat purchases in calibration, 19,684 in the holdout, 14,119 customers with x = 0.
    expect(built.x.length).toBe(23_570);
    expect(sum(built.x)).toBe(24_337);
    expect(sum(built.xStar)).toBe(19_684);
    expect(built.x.filter((x) => x === 0).length).toBe(14_119);
  });

  it('fits the BG/NBD and Pareto/NBD of the README', () => {
    // cdnow/README.md (numpy/scipy, lifetimes agrees): BG/NBD r 0.2516, α 4.7889, a 0.7234, b 2.1611,
    // LL −95368.444; Pareto/NBD r 0.5974, α 11.5857, s 0.5222, β 8.8278, LL −95415.119.
    const bg = fitBgNbd(summary);
    expectParams<BgNbdParams>(bg.params, { r: 0.2516, alpha: 4.7889, a: 0.7234, b: 2.1611 }, 4);
    within(bg.loglik, -95368.444, 3);
    const pareto = fitParetoNbd(summary);
    expectParams<ParetoNbdParams>(pareto.params, { r: 0.5974, alpha: 11.5857, s: 0.5222, beta: 8.8278 }, 4);
    within(pareto.loglik, -95415.119, 3);
  });

  it('fits the Gamma-Gamma on the 9,450 repeaters, dropping the one with zero spend', () => {
    // cdnow/README.md: p 6.2754, q 3.6245, γ 14.9837, LL −40763.476; one repeater has m_x = 0.
    const input = spendSummary({ x: built.x, mx: built.mx });
    expect(input.skippedNonPositiveSpend).toBe(1);
    const gg = fitGammaGamma(input.summary);
    expect(gg.customers).toBe(9450);
    expectParams(gg.params, { p: 6.2754, q: 3.6245, gamma: 14.9837 }, 4);
    within(gg.loglik, -40763.476, 3);
  });
});

describe('apparel (CLVTools apparelTrans, simulated)', () => {
  // apparel/README.md: calibration to 2006-12-31, holdout 2007-01-01 .. 2010-12-31.
  const built = summarize(
    csvTransactions('apparel/apparelTrans.csv'),
    dayNumber(2006, 12, 31),
    dayNumber(2010, 12, 31),
  );
  const summary = customerSummary({ timeUnit: 'weeks', x: built.x, tx: built.tx, T: built.T });

  it('has the README’s counts and fits', () => {
    // 600 customers, 213 with x = 0, 1,266 repeat purchases in calibration and 1,317 in the holdout;
    // BG/NBD r 0.6073, α 20.9568, a 1.2756, b 8.8609, LL −5857.020; Pareto/NBD r 1.4489, α 48.6349, s 0.5613,
    // β 46.8821, LL −5848.098; Gamma-Gamma on 387 repeaters p 3.0990, q 5.6537, γ 56.5042, LL −1670.663 (from
    // (1,1,1) Nelder-Mead alone ends on a degenerate ridge at LL −1705.06: the multi-start avoids it).
    expect(built.x.length).toBe(600);
    expect(built.x.filter((x) => x === 0).length).toBe(213);
    expect(sum(built.x)).toBe(1266);
    expect(sum(built.xStar)).toBe(1317);
    const bg = fitBgNbd(summary);
    expectParams(bg.params, { r: 0.6073, alpha: 20.9568, a: 1.2756, b: 8.8609 }, 4);
    within(bg.loglik, -5857.02, 3);
    const pareto = fitParetoNbd(summary);
    expectParams(pareto.params, { r: 1.4489, alpha: 48.6349, s: 0.5613, beta: 46.8821 }, 3);
    within(pareto.loglik, -5848.098, 3);
    const gg = fitGammaGamma(spendSummary({ x: built.x, mx: built.mx }).summary);
    expect(gg.customers).toBe(387);
    expectParams(gg.params, { p: 3.099, q: 5.6537, gamma: 56.5042 }, 3);
    within(gg.loglik, -1670.663, 3);
  });
});

describe('grocery (BTYDplus groceryElog)', () => {
  // grocery/README.md: calibration to 2006-12-31, holdout to 2007-12-30 (52 weeks).
  const built = summarize(
    csvTransactions('grocery/groceryElog.csv'),
    dayNumber(2006, 12, 31),
    dayNumber(2007, 12, 30),
  );
  const summary = customerSummary({ timeUnit: 'weeks', x: built.x, tx: built.tx, T: built.T });

  it('has the README’s counts and fits, and over-predicts the holdout as the README says', () => {
    // 1,525 customers, 590 with x = 0, 5,569 + 3,389 repeat purchases; BG/NBD r 0.3486, α 2.5817, a 0.5038,
    // b 3.6444, LL −15836.566, predicted holdout total 3,996.4 (actual 3,389); Pareto/NBD r 0.7864, α 5.6790,
    // s 0.3862, β 5.7178, LL −15782.392.
    expect(built.x.length).toBe(1525);
    expect(built.x.filter((x) => x === 0).length).toBe(590);
    expect(sum(built.x)).toBe(5569);
    expect(sum(built.xStar)).toBe(3389);
    const bg = fitBgNbd(summary);
    expectParams(bg.params, { r: 0.3486, alpha: 2.5817, a: 0.5038, b: 3.6444 }, 4);
    within(bg.loglik, -15836.566, 3);
    within(sum(bgNbd.conditionalExpectedPurchases(bg.params, summary, 52)), 3996.4, 1);
    const pareto = fitParetoNbd(summary);
    expectParams(pareto.params, { r: 0.7864, alpha: 5.679, s: 0.3862, beta: 5.7178 }, 4);
    within(pareto.loglik, -15782.392, 3);
  });
});

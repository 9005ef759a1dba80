// CLV and next-purchase time: identities of their definitions, on the CDNOW sample with its fitted models.
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  customerLifetimeValue,
  customerSummary,
  fitGammaGamma,
  gammaGamma,
  nextPurchaseTime,
  paretoNbd,
  spendSummary,
} from '../../src/models/index.js';
import { cdnowCbs } from './fixtures.js';

const cbs = cdnowCbs();
const summary = customerSummary({ timeUnit: 'weeks', x: cbs.x, tx: cbs.tx, T: cbs.T });
const bg = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const spend = gammaGamma.conditionalExpectedSpend(
  fitGammaGamma(spendSummary({ x: cbs.x, mx: cbs.mx }).summary).params,
  cbs.x,
  cbs.mx,
);
const month = 365.25 / 12 / 7;

describe('customerLifetimeValue', () => {
  it('is margin × spend × expected purchases over the horizon when nothing is discounted', () => {
    const clv = customerLifetimeValue(bgNbd, bg, summary, spend, {
      periods: 12,
      periodLength: month,
      margin: 0.3,
    });
    const purchases = bgNbd.conditionalExpectedPurchases(bg, summary, 12 * month);
    for (let i = 0; i < 50; i++) expect(clv[i]).toBeCloseTo(0.3 * spend[i]! * purchases[i]!, 10);
  });

  it('discounts each period’s purchases at the end of the period', () => {
    // One period at a 100 % rate halves the value (lifetimes' test of customer_lifetime_value).
    const once = { periods: 1, periodLength: month };
    const undiscounted = customerLifetimeValue(bgNbd, bg, summary, spend, once);
    const halved = customerLifetimeValue(bgNbd, bg, summary, spend, { ...once, discountRate: 1 });
    for (let i = 0; i < 50; i++) expect(halved[i]).toBeCloseTo(undiscounted[i]! / 2, 10);
    // Two periods at rate d: first-period purchases / (1+d) + second-period purchases / (1+d)².
    const first = bgNbd.conditionalExpectedPurchases(bg, summary, month);
    const both = bgNbd.conditionalExpectedPurchases(bg, summary, 2 * month);
    const clv = customerLifetimeValue(bgNbd, bg, summary, spend, {
      periods: 2,
      periodLength: month,
      discountRate: 0.01,
    });
    for (let i = 0; i < 50; i++) {
      expect(clv[i]).toBeCloseTo(spend[i]! * (first[i]! / 1.01 + (both[i]! - first[i]!) / 1.01 ** 2), 10);
    }
  });

  it('rejects a horizon or rates that make no sense', () => {
    expect(() =>
      customerLifetimeValue(bgNbd, bg, summary, spend, { periods: 0, periodLength: month }),
    ).toThrow('periods must be a positive integer, got 0');
    expect(() =>
      customerLifetimeValue(bgNbd, bg, summary, spend, { periods: 12, periodLength: month, margin: 30 }),
    ).toThrow('margin must be in [0, 1], got 30');
  });
});

describe('nextPurchaseTime', () => {
  it('gives the median wait of a live customer: P(no purchase in that time | alive) = ½', () => {
    // In the BG/NBD a customer without repeat purchases is alive for sure, so P(no purchase in the median wait)
    // computed independently by probabilityNoPurchase must be exactly ½.
    const next = nextPurchaseTime(bgNbd, bg, summary);
    for (let i = 0; i < summary.x.length; i += 37) {
      const one = customerSummary({ timeUnit: 'weeks', x: [cbs.x[i]!], tx: [cbs.tx[i]!], T: [cbs.T[i]!] });
      const quiet = bgNbd.probabilityNoPurchase(bg, one, next.medianWaitIfAlive[i]!)[0]!;
      const alive = next.probabilityAlive[i]!;
      expect((quiet - (1 - alive)) / alive).toBeCloseTo(0.5, 10);
    }
    // Frequent buyers come back sooner: customer 1516-like (x = 26) versus a one-time buyer with the same T.
    const pair = customerSummary({ timeUnit: 'weeks', x: [26, 0], tx: [30.86, 0], T: [31, 31] });
    const [frequent, once] = nextPurchaseTime(
      paretoNbd,
      { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
      pair,
    ).medianWaitIfAlive;
    expect(frequent!).toBeLessThan(2);
    expect(once!).toBeGreaterThan(100);
  });
});

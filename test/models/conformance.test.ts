// One conformance suite for the three purchase models: every closed form (likelihood, P(alive), conditional and
// unconditional expectations, P(no purchase)) against brute-force numerical integration over the mixing
// distributions (quadrature.ts), across customers, parameter regimes and horizons, plus shared invariants.
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  customerSummary,
  mbgNbd,
  paretoNbd,
  type CustomerSummary,
  type PurchaseModel,
} from '../../src/models/index.js';
import { bruteBetaGeometric, bruteParetoNbd, type Brute } from './quadrature.js';

type Customer = readonly [number, number, number];
const customers: Customer[] = [
  [0, 0, 38.86],
  [1, 1.71, 38.86],
  [2, 30.43, 38.86],
  [26, 30.857143, 31],
  [7, 3, 50],
  [3, 12, 12],
];

/** One parameter set of one model: its closed forms next to their brute-force counterparts, and invariants. */
interface Check {
  readonly label: string;
  readonly closed: (summary: CustomerSummary, t: number) => Brute;
  readonly brute: (customer: Customer, t: number) => Brute;
  readonly invariants: (summary: CustomerSummary) => void;
}

function checks<P extends { readonly r: number }>(
  model: PurchaseModel<P>,
  params: P[],
  brute: (params: P, customer: Customer, t: number) => Brute,
): Check[] {
  return params.map((p, i) => ({
    label: `${model.label} parameter set ${i}`,
    closed: (summary, t) => ({
      likelihood: Math.exp(model.logLikelihood(p, summary)),
      pAlive: model.probabilityAlive(p, summary)[0]!,
      conditional: model.conditionalExpectedPurchases(p, summary, t)[0]!,
      pNoPurchase: model.probabilityNoPurchase(p, summary, t)[0]!,
      unconditional: model.expectedPurchases(p, t),
    }),
    brute: (customer, t) => brute(p, customer, t),
    invariants: (summary) => {
      expect(model.expectedPurchases(p, 0)).toBe(0);
      expect([...model.conditionalExpectedPurchases(p, summary, 0)]).toEqual(customers.map(() => 0));
      expect([...model.probabilityNoPurchase(p, summary, 0)].every((v) => Math.abs(v - 1) < 1e-15)).toBe(
        true,
      );
      const near = model.conditionalExpectedPurchases(p, summary, 10);
      const far = model.conditionalExpectedPurchases(p, summary, 20);
      const quietNear = model.probabilityNoPurchase(p, summary, 10);
      const quietFar = model.probabilityNoPurchase(p, summary, 20);
      const alive = model.probabilityAlive(p, summary);
      for (let c = 0; c < customers.length; c++) {
        expect(far[c]!).toBeGreaterThan(near[c]!);
        expect(quietFar[c]!).toBeLessThan(quietNear[c]!);
        // A customer who is gone never buys: P(no purchase) >= 1 − P(alive).
        expect(quietFar[c]!).toBeGreaterThanOrEqual(1 - alive[c]! - 1e-12);
        expect(alive[c]!).toBeGreaterThan(0);
        expect(alive[c]!).toBeLessThanOrEqual(1);
      }
      expect(() => model.expectedPurchases(p, -1)).toThrow('the horizon t must be finite and >= 0, got -1');
      expect(() => model.probabilityAlive({ ...p, r: 0 }, summary)).toThrow(
        'parameter r must be a positive finite number',
      );
    },
  }));
}

const all: Check[] = [
  // CDNOW fit (a < 1), apparel fit (a > 1), a = 1 exactly (the closed form's 0/0 point), a + b < 1.
  ...checks(
    bgNbd,
    [
      { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 },
      { r: 0.6073, alpha: 20.9568, a: 1.2756, b: 8.8609 },
      { r: 1.5, alpha: 3, a: 1, b: 2 },
      { r: 0.8, alpha: 2, a: 0.6, b: 0.3 },
    ],
    (p, customer, t) => bruteBetaGeometric(p, false, customer, t),
  ),
  ...checks(
    mbgNbd,
    [
      { r: 0.5248, alpha: 6.1831, a: 0.8914, b: 1.614 },
      { r: 2, alpha: 10, a: 3, b: 5 },
      { r: 1.5, alpha: 3, a: 1, b: 2 },
    ],
    (p, customer, t) => bruteBetaGeometric(p, true, customer, t),
  ),
  // CDNOW (α < β), apparel (α ≥ β), far apart both ways (hypergeometric argument near 1), s = 1 exactly.
  ...checks(
    paretoNbd,
    [
      { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6687 },
      { r: 1.4489, alpha: 48.6349, s: 0.5613, beta: 46.8821 },
      { r: 0.7, alpha: 1.5, s: 0.4, beta: 60 },
      { r: 3, alpha: 80, s: 2.5, beta: 0.8 },
      { r: 0.9, alpha: 7, s: 1, beta: 9 },
    ],
    (p, customer, t) => bruteParetoNbd(p, customer, t),
  ),
];

function close(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-14);
}

describe('closed forms against numerical integration', () => {
  it.each(all.map((check) => [check.label, check] as const))('%s', (_label, check) => {
    for (const customer of customers) {
      const summary = customerSummary({
        timeUnit: 'weeks',
        x: [customer[0]],
        tx: [customer[1]],
        T: [customer[2]],
      });
      for (const t of [39, 500]) {
        const got = check.closed(summary, t);
        const want = check.brute(customer, t);
        close(got.likelihood, want.likelihood, 1e-8);
        close(got.pAlive, want.pAlive, 1e-8);
        close(got.conditional, want.conditional, 1e-8);
        close(got.pNoPurchase, want.pNoPurchase, 1e-8);
        close(got.unconditional, want.unconditional, 1e-8);
      }
    }
  });
});

describe('shared invariants', () => {
  const summary = customerSummary({
    timeUnit: 'weeks',
    x: customers.map((c) => c[0]),
    tx: customers.map((c) => c[1]),
    T: customers.map((c) => c[2]),
  });
  it.each(all.map((check) => [check.label, check] as const))('%s', (_label, check) =>
    check.invariants(summary),
  );
});

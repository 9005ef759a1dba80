import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_DEMO_PARAMETERS, generateDemo, type DemoParameters } from '../../src/demo/index.js';
import { dayNumber, field, mean, readCsv, sd } from './read.js';

/**
 * The generated customers are checked against closed forms computed here, independently of the generator:
 *
 * - BG/NBD, Fader, Hardie & Lee (2005), eq. 9: E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]
 *   repeat purchases in t weeks after the first; eq. 7: E[X(t) | λ, p] = (1 − e^(−λpt)) / p for one customer.
 * - Dropouts arrive at rate λp (each repeat purchase of a Poisson(λ) stream ends the customer with probability p),
 *   so P(alive at t | λ, p) = e^(−λpt).
 * - Gamma-Gamma, Fader, Hardie & Lee (2005b): z | ν ~ Gamma(p, rate ν), so z·ν ~ Gamma(p, 1) with mean and
 *   variance p; over customers E[z] = p·γ/(q−1) and Var[z] = p(p+1)γ²/((q−1)(q−2)) − E[z]².
 * - λ ~ Gamma(r, rate α): mean r/α, sd √r/α; p ~ Beta(a, b): mean a/(a+b), variance ab/((a+b)²(a+b+1));
 *   ν ~ Gamma(q, rate γ): mean q/γ, sd √q/γ.
 *
 * Each sample mean must lie within 4 standard errors of its closed form (a false alarm about once in 16,000 runs
 * for a fixed seed, which makes the test deterministic anyway).
 */

const END_DAY = dayNumber('2025-12-31');
const Z = 4;

/** Gauss's hypergeometric series ₂F₁(a, b; c; z) for 0 ≤ z < 1. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-14 * Math.abs(sum)) break;
  }
  return sum;
}

function expectedRepeat({ r, alpha, a, b }: DemoParameters['bgnbd'], t: number): number {
  return (
    ((a + b - 1) / (a - 1)) *
    (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)))
  );
}

function expectClose(label: string, sample: number, expected: number, standardError: number): void {
  const z = (sample - expected) / standardError;
  console.log(
    `${label}: sample ${sample.toPrecision(5)}, closed form ${expected.toPrecision(5)}, z = ${z.toFixed(2)}`,
  );
  expect(Math.abs(z), label).toBeLessThan(Z);
}

interface Panel {
  /** Per customer: repeat purchase days x, observation span T in weeks, true λ, p, ν, alive at the end. */
  x: number[];
  T: number[];
  lambda: number[];
  p: number[];
  nu: number[];
  alive: boolean[];
  /** Per identified order: value z in roubles and the customer's ν; and each customer's first order value. */
  orderZ: number[];
  orderNu: number[];
  firstZ: number[];
  merged: number;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function panel(customers: number, seed: number, parameters: DemoParameters): Promise<Panel> {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-demo-process-'));
  dirs.push(dir);
  const result = await generateDemo({ customers, seed, outDir: dir, format: 'csv', threads: 1, parameters });
  const truth = readCsv(result.files.truth).rows;
  const days = new Map<string, Set<number>>();
  const orders = new Map<string, { customer: string; day: number; cents: number }>();
  for (const row of readCsv(result.files.sales).rows) {
    const customer = field(row, 1);
    const id = field(row, 0);
    if (customer === '' || !id.startsWith('O')) continue;
    const day = dayNumber(field(row, 2));
    const set = days.get(customer) ?? new Set<number>();
    set.add(day);
    days.set(customer, set);
    const order = orders.get(id) ?? { customer, day, cents: 0 };
    order.cents += Math.round(Number(field(row, 6)) * 100);
    orders.set(id, order);
  }
  const out: Panel = {
    x: [],
    T: [],
    lambda: [],
    p: [],
    nu: [],
    alive: [],
    orderZ: [],
    orderNu: [],
    firstZ: [],
    merged: result.counts.mergedSameDayPurchases,
  };
  const nuOf = new Map<string, number>();
  for (const row of truth) {
    const id = field(row, 0);
    const first = dayNumber(field(row, 1));
    out.x.push((days.get(id)?.size ?? 0) - 1);
    // The first purchase falls somewhere in its day: half a day on average before the day's end.
    out.T.push((END_DAY - first + 0.5) / 7);
    out.lambda.push(Number(field(row, 2)));
    out.p.push(Number(field(row, 3)));
    out.nu.push(Number(field(row, 5)));
    out.alive.push(field(row, 6) === 'true');
    nuOf.set(id, Number(field(row, 5)));
  }
  const firstOrder = new Map<string, { day: number; z: number }>();
  for (const order of orders.values()) {
    const z = order.cents / 100;
    out.orderZ.push(z);
    out.orderNu.push(nuOf.get(order.customer) ?? NaN);
    const seen = firstOrder.get(order.customer);
    if (!seen || order.day < seen.day) firstOrder.set(order.customer, { day: order.day, z });
  }
  out.firstZ = [...firstOrder.values()].map((o) => o.z);
  return out;
}

const CONTRAST: DemoParameters = {
  ...DEFAULT_DEMO_PARAMETERS,
  bgnbd: { r: 1.5, alpha: 9, a: 1.6, b: 3 },
  gammaGamma: { p: 3, q: 5, gamma: 8000 },
};

describe.each([
  { name: 'default parameters', customers: 8000, seed: 3, parameters: DEFAULT_DEMO_PARAMETERS },
  { name: 'contrasting parameters', customers: 4000, seed: 4, parameters: CONTRAST },
])('generated customers follow the model ($name)', ({ customers, seed, parameters }) => {
  let data: Panel;
  const { r, alpha, a, b } = parameters.bgnbd;
  const { p, q, gamma } = parameters.gammaGamma;

  test('latent traits have the stated distributions', async () => {
    data = await panel(customers, seed, parameters);
    const n = customers;
    expectClose('mean λ', mean(data.lambda), r / alpha, Math.sqrt(r) / alpha / Math.sqrt(n));
    const pVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expectClose('mean p', mean(data.p), a / (a + b), Math.sqrt(pVariance / n));
    expectClose('mean ν', mean(data.nu), q / gamma, Math.sqrt(q) / gamma / Math.sqrt(n));
    expect(Math.abs(sd(data.lambda) / (Math.sqrt(r) / alpha) - 1)).toBeLessThan(0.1);
  });

  test('repeat purchases match E[X(T)] of the BG/NBD', () => {
    const n = customers;
    const population = data.T.map((t) => expectedRepeat(parameters.bgnbd, t));
    const residuals = data.x.map((x, i) => x - (population[i] ?? 0));
    // Same-day repeat purchases were merged into one order; they are still purchases of the process.
    const events = (data.x.reduce((s, x) => s + x, 0) + data.merged) / n;
    expectClose('mean repeat purchases vs E[X(T)]', events, mean(population), sd(residuals) / Math.sqrt(n));

    const conditional = data.T.map((t, i) => {
      const rate = (data.lambda[i] ?? 0) * (data.p[i] ?? 0);
      return -Math.expm1(-rate * t) / (data.p[i] ?? 1);
    });
    const conditionalResiduals = data.x.map((x, i) => x - (conditional[i] ?? 0));
    expectClose(
      'mean repeat purchases vs E[X(T) | λ, p]',
      events,
      mean(conditional),
      sd(conditionalResiduals) / Math.sqrt(n),
    );
    expect(data.merged / data.x.reduce((s, x) => s + x, 0)).toBeLessThan(0.05);
  });

  test('customers are alive at the end with probability e^(−λpT)', () => {
    const probabilities = data.T.map((t, i) => Math.exp(-(data.lambda[i] ?? 0) * (data.p[i] ?? 0) * t));
    const alive = data.alive.map((v) => (v ? 1 : 0));
    const variance = mean(probabilities.map((q) => q * (1 - q)));
    expectClose('share alive at the end', mean(alive), mean(probabilities), Math.sqrt(variance / customers));
  });

  test('order values follow the Gamma-Gamma model', () => {
    const scaled = data.orderZ.map((z, i) => z * (data.orderNu[i] ?? NaN));
    const orders = scaled.length;
    expectClose('mean z·ν', mean(scaled), p, Math.sqrt(p / orders));
    // Gamma(p, 1) has excess kurtosis 6/p, so the sample variance has standard error p·√((2 + 6/p) / n).
    expectClose('variance of z·ν', sd(scaled) ** 2, p, p * Math.sqrt((2 + 6 / p) / orders));
    const meanZ = (p * gamma) / (q - 1);
    const sdZ = Math.sqrt((p * (p + 1) * gamma ** 2) / ((q - 1) * (q - 2)) - meanZ ** 2);
    expectClose('mean first order value', mean(data.firstZ), meanZ, sdZ / Math.sqrt(data.firstZ.length));
  });
});

/**
 * Buy-till-you-die models at realistic sizes: `npx tsx bench/models.ts [customers…]` (default 100000 1000000
 * 10000000) simulates a cohort from a BG/NBD purchase process and a Gamma-Gamma spend process with known
 * parameters (seeded), then times, as the median of 3 runs: compressing the (x, t_x, T) summary, fitting the
 * BG/NBD and the Gamma-Gamma, and the per-customer predictions (P(alive), expected purchases over 52 weeks,
 * 12-month CLV, all computed per distinct pattern and expanded to every customer). It prints a markdown table
 * and checks that the true parameters are recovered (within 4 standard errors). Target: 1M customers fitted
 * (compress + BG/NBD fit) in under 2 s.
 */
import { pathToFileURL } from 'node:url';
import {
  bgNbd,
  compressSummary,
  customerLifetimeValue,
  expandToCustomers,
  fitBgNbd,
  fitGammaGamma,
  gammaGamma,
  spendSummary,
  type CustomerSummary,
} from '../src/models/index.js';
import { createRandomSource, type RandomSource } from '../src/stats/random-source.js';

const TRUE_BG = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } as const;
const TRUE_GG = { p: 6, q: 4, gamma: 15 } as const;
const RUNS = 3;

/** Times each size and returns the figures as a markdown table followed by the parameter-recovery check. */
export async function benchModels(sizes: readonly number[]): Promise<string> {
  const table = [
    '| customers | distinct (x, t_x, T) | repeaters | compress (s) | BG/NBD fit (s) | compress + fit (s) | ' +
      'Gamma-Gamma fit (s) | predictions (s) | RSS (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const recovery: string[] = [];
  for (const n of sizes) {
    const cohort = simulate(n, createRandomSource(20_050_101));
    const runs: number[][] = [];
    let last: ReturnType<typeof runOnce> | undefined;
    for (let k = 0; k < RUNS; k++) {
      last = runOnce(cohort);
      runs.push(last.seconds);
    }
    const [compress, fit, gg, predict] = [0, 1, 2, 3].map((j) => median(runs.map((r) => r[j]!)));
    const { bg, spend, unique, repeaters } = last!;
    table.push(
      `| ${n.toLocaleString('en-US')} | ${unique.toLocaleString('en-US')} | ${repeaters.toLocaleString('en-US')} | ` +
        `${compress!.toFixed(2)} | ${fit!.toFixed(2)} | ${(compress! + fit!).toFixed(2)} | ${gg!.toFixed(2)} | ` +
        `${predict!.toFixed(2)} | ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} |`,
    );
    recovery.push(
      `- ${n.toLocaleString('en-US')}: ${recovered('BG/NBD', TRUE_BG, bg)}; ${recovered('Gamma-Gamma', TRUE_GG, spend)}`,
    );
  }
  return [
    ...table,
    '',
    `True parameters: BG/NBD r ${TRUE_BG.r}, α ${TRUE_BG.alpha} weeks, a ${TRUE_BG.a}, b ${TRUE_BG.b}; ` +
      `Gamma-Gamma p ${TRUE_GG.p}, q ${TRUE_GG.q}, γ ${TRUE_GG.gamma}. Estimate ± standard error:`,
    ...recovery,
  ].join('\n');
}

interface Cohort {
  readonly summary: CustomerSummary;
  readonly mx: Float64Array;
}

function runOnce({ summary, mx }: Cohort) {
  const seconds: number[] = [];
  const time = <T>(fn: () => T): T => {
    const started = performance.now();
    const result = fn();
    seconds.push((performance.now() - started) / 1000);
    return result;
  };
  const compressed = time(() => compressSummary(summary));
  const bg = time(() => fitBgNbd(compressed));
  const input = spendSummary({ x: summary.x, mx });
  const spend = time(() => fitGammaGamma(input.summary));
  time(() => {
    const alive = expandToCustomers(bgNbd.probabilityAlive(bg.params, compressed), compressed);
    const purchases = expandToCustomers(
      bgNbd.conditionalExpectedPurchases(bg.params, compressed, 52),
      compressed,
    );
    const value = gammaGamma.conditionalExpectedSpend(spend.params, summary.x, mx);
    const perRow = customerLifetimeValue(
      bgNbd,
      bg.params,
      compressed,
      new Float64Array(compressed.x.length).fill(1),
      {
        periods: 12,
        periodLength: 365.25 / 12 / 7,
        discountRate: 0.01,
      },
    );
    const clv = expandToCustomers(perRow, compressed).map((v, i) => v * value[i]!);
    return alive[0]! + purchases[0]! + clv[0]!;
  });
  return { seconds, bg, spend, unique: compressed.x.length, repeaters: input.summary.x.length };
}

/**
 * A cohort acquired uniformly over the first 12 weeks of a 52-week calibration, in whole days (weeks = days / 7).
 * Each customer buys as a Poisson process with rate λ ~ Gamma(r, α) per week and, after each repeat purchase,
 * drops out with probability p ~ Beta(a, b) (FHL 2005); each repeat transaction is worth Gamma(p, ν) with
 * ν ~ Gamma(q, γ), so the mean of x of them is Gamma(px, νx).
 */
function simulate(n: number, random: RandomSource): Cohort {
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const mx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ti = (364 - Math.floor(random() * 84)) / 7;
    const lambda = gamma(random, TRUE_BG.r) / TRUE_BG.alpha;
    const g1 = gamma(random, TRUE_BG.a);
    const p = g1 / (g1 + gamma(random, TRUE_BG.b));
    let t = 0;
    let purchases = 0;
    let last = 0;
    for (;;) {
      t -= Math.log(1 - random()) / lambda;
      if (t > Ti) break;
      purchases++;
      last = t;
      if (random() < p) break;
    }
    x[i] = purchases;
    tx[i] = purchases === 0 ? 0 : Math.min(Ti, Math.round(last * 7) / 7);
    T[i] = Ti;
    if (purchases > 0) {
      const nu = gamma(random, TRUE_GG.q) / TRUE_GG.gamma;
      mx[i] = Math.max(
        0.01,
        Math.round((100 * gamma(random, TRUE_GG.p * purchases)) / (nu * purchases)) / 100,
      );
    }
  }
  return { summary: { timeUnit: 'weeks', x, tx, T }, mx };
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) for shape < 1. */
function gamma(random: RandomSource, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function recovered<P extends object>(label: string, truth: P, fit: { params: P; stdErrors: P }): string {
  const parts: string[] = [];
  let ok = true;
  for (const name of Object.keys(truth) as (keyof P & string)[]) {
    const estimate = fit.params[name] as number;
    const se = fit.stdErrors[name] as number;
    ok &&= Math.abs(estimate - (truth[name] as number)) <= 4 * se;
    parts.push(`${name} ${estimate.toPrecision(4)} ± ${se.toPrecision(2)}`);
  }
  return `${label} ${parts.join(', ')} (${ok ? 'recovered' : 'NOT recovered'})`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(await benchModels(sizes.length > 0 ? sizes : [100_000, 1_000_000, 10_000_000]));
}

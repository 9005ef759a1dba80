import mt19937 from '@stdlib/random-base-mt19937';
import betaFactory from '@stdlib/random-base-beta';
import exponentialFactory from '@stdlib/random-base-exponential';
import gammaFactory from '@stdlib/random-base-gamma';
import normalFactory from '@stdlib/random-base-normal';

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;

/**
 * A seeded Mersenne Twister stream; the stdlib samplers take its `uniform` as their source. The demo uses one
 * stream per purpose (stream 0 for the catalogue, stream k for the k-th block of customers), each initialised
 * from (seed, stream), and draws from each in a fixed order, so a seed reproduces the same files byte for byte.
 */
export class Random {
  /** Uniform on [0, 1) with 53 random bits. */
  readonly uniform: () => number;
  /** Uniform on [0, 1) with 32 random bits: half the cost, for choices that need no finer grain. */
  readonly fraction: () => number;
  /** Gamma with shape and rate (mean shape / rate). */
  readonly gamma: (shape: number, rate: number) => number;
  readonly beta: (a: number, b: number) => number;
  /** Exponential with rate (mean 1 / rate). */
  readonly exponential: (rate: number) => number;
  readonly normal: (mean: number, sd: number) => number;

  constructor(seed: number, stream: number) {
    const words = mt19937.factory({ seed: [seed % TWO_POW_32, Math.floor(seed / TWO_POW_32), stream] });
    this.uniform = () => ((words() >>> 5) * TWO_POW_26 + (words() >>> 6)) / TWO_POW_53;
    this.fraction = () => words() / TWO_POW_32;
    const options = { prng: this.uniform };
    this.gamma = gammaFactory.factory(options);
    this.beta = betaFactory.factory(options);
    this.exponential = exponentialFactory.factory(options);
    this.normal = normalFactory.factory(options);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.fraction() * n);
  }

  chance(p: number): boolean {
    return this.fraction() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** An index drawn with probability proportional to the increments of a cumulative weight table. */
  draw(cumulative: Float64Array): number {
    return searchCumulative(cumulative, this.fraction() * (cumulative[cumulative.length - 1] ?? 0));
  }
}

/** The first index whose cumulative weight exceeds `target` (binary search, clamped to the last index). */
export function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i] ?? 0;
    out[i] = total;
  }
  return out;
}

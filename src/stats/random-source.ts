import mt19937 from '@stdlib/random-base-mt19937';

/** A source of uniform numbers in [0, 1). Inject one wherever a method resamples; never use `Math.random`. */
export type RandomSource = () => number;

const TWO_26 = 67_108_864;
const TWO_53 = 9_007_199_254_740_992;

/**
 * A reproducible `RandomSource`: the 32-bit Mersenne Twister (Matsumoto & Nishimura 1998, ACM TOMACS 8(1)),
 * combining two outputs into a 53-bit double as in their `genrand_res53`. The same seed gives the same sequence.
 * Precondition: `seed` is an integer in [1, 2^32 − 1].
 *
 * @example const random = createRandomSource(20080320); random(); // 0 ≤ u < 1
 */
export function createRandomSource(seed: number): RandomSource {
  if (!Number.isInteger(seed) || seed < 1 || seed > 4_294_967_295) {
    throw new RangeError(`seed must be an integer from 1 to 4294967295, got ${seed}`);
  }
  const next = mt19937.factory({ seed });
  return () => {
    const high = next() >>> 5;
    const low = next() >>> 6;
    return (high * TWO_26 + low) / TWO_53;
  };
}

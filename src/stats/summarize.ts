import { InputError } from '../errors.js';

/** Size, mean and unbiased sample variance (divisor n − 1) of one sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Summarizes a sample in one pass with Welford's update (Welford 1962, Technometrics 4(3):419–420), which stays
 * accurate when the values are large and their spread small, unlike the textbook Σx² − n·x̄² formula.
 * Preconditions: at least 2 values, all finite (throws `InputError` otherwise).
 *
 * @example summarize(new Float64Array([1, 2, 3, 4])); // { n: 4, mean: 2.5, variance: 1.6666… }
 */
export function summarize(values: ArrayLike<number>, name = 'values'): SampleSummary {
  const n = values.length;
  if (n < 2) throw new InputError(`${name} needs at least 2 values for a variance, got ${n}`);
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new InputError(`${name}[${i}] is not a finite number: ${x}`);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { n, mean, variance: m2 / (n - 1) };
}

/** Accepts either raw values or a summary computed earlier. */
export type SampleInput = ArrayLike<number> | SampleSummary;

export function isSampleSummary(input: SampleInput): input is SampleSummary {
  return 'variance' in input && 'mean' in input;
}

/** Normalizes a `SampleInput`, checking a given summary the same way raw values are checked. */
export function toSummary(input: SampleInput, name: string): SampleSummary {
  if (!isSampleSummary(input)) return summarize(input, name);
  const { n, mean, variance } = input;
  if (!(
    Number.isInteger(n) &&
    n >= 2 &&
    Number.isFinite(mean) &&
    Number.isFinite(variance) &&
    variance >= 0
  )) {
    throw new InputError(
      `${name} is not a valid summary (n ≥ 2, finite mean, variance ≥ 0): ${JSON.stringify(input)}`,
    );
  }
  return input;
}

import { InputError } from '../errors.js';

/** Means, unbiased variances and covariance (divisor n − 1) of paired values (x, y). */
export interface PairSummary {
  n: number;
  meanX: number;
  meanY: number;
  varianceX: number;
  varianceY: number;
  covariance: number;
}

/**
 * Summarizes pairs in one pass with the bivariate form of Welford's update (co-moment Σ(x − x̄)(y − ȳ) updated
 * with the new mean of y; Welford 1962; see also Chan, Golub & LeVeque 1983, Am. Stat. 37(3)).
 * Preconditions: equal lengths, at least 2 pairs, all values finite.
 */
export function summarizePairs(x: ArrayLike<number>, y: ArrayLike<number>, name = 'pairs'): PairSummary {
  const n = x.length;
  if (y.length !== n) throw new InputError(`${name}: x has ${n} values but y has ${y.length}`);
  if (n < 2) throw new InputError(`${name} needs at least 2 pairs, got ${n}`);
  let meanX = 0;
  let meanY = 0;
  let m2x = 0;
  let m2y = 0;
  let cxy = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      throw new InputError(`${name}[${i}] is not a pair of finite numbers: (${xi}, ${yi})`);
    }
    const k = i + 1;
    const dx = xi - meanX;
    const dy = yi - meanY;
    meanX += dx / k;
    meanY += dy / k;
    m2x += dx * (xi - meanX);
    m2y += dy * (yi - meanY);
    cxy += dx * (yi - meanY);
  }
  return { n, meanX, meanY, varianceX: m2x / (n - 1), varianceY: m2y / (n - 1), covariance: cxy / (n - 1) };
}

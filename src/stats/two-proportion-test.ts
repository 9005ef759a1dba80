import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { InputError } from '../errors.js';
import { checkCount, checkLevel } from './checks.js';
import type { ConfidenceInterval } from './interval.js';

/** Successes out of trials, e.g. converted customers out of customers in an arm. */
export interface Proportion {
  successes: number;
  trials: number;
}

export interface TwoProportionTest {
  method: 'two-proportion-z';
  /** px − py. */
  estimate: number;
  proportionX: number;
  proportionY: number;
  /** √(p̄(1 − p̄)(1/nx + 1/ny)) with p̄ the pooled proportion: used for the statistic and p-value. */
  pooledStandardError: number;
  /** √(px(1 − px)/nx + py(1 − py)/ny): used for the confidence interval. */
  unpooledStandardError: number;
  statistic: number | null;
  pValue: number | null;
  confidenceInterval: ConfidenceInterval;
}

/**
 * Two-proportion z-test of px − py (two-sided). The **p-value** uses the pooled standard error (under H0 both
 * groups share one proportion); the **confidence interval** is the unpooled Wald interval
 * (px − py) ± z(1 − α/2)·SE_unpooled. Fleiss, Levin & Paik (2003), *Statistical Methods for Rates and
 * Proportions*, 3rd ed., ch. 2–3. z² equals Pearson's χ² of the 2×2 table, so this matches R
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` (p-value and interval).
 * Preconditions: integer counts, 0 ≤ successes ≤ trials, trials ≥ 1 in each group. With no successes (or no
 * failures) in both groups the standard errors are 0 and statistic, p-value and interval are `null`.
 */
export function twoProportionTest(
  x: Proportion,
  y: Proportion,
  options: { confidence?: number } = {},
): TwoProportionTest {
  const level = checkLevel('confidence', options.confidence ?? 0.95);
  checkProportion('x', x);
  checkProportion('y', y);
  const px = x.successes / x.trials;
  const py = y.successes / y.trials;
  const pooled = (x.successes + y.successes) / (x.trials + y.trials);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / x.trials + 1 / y.trials));
  const unpooledSe = Math.sqrt((px * (1 - px)) / x.trials + (py * (1 - py)) / y.trials);
  const estimate = px - py;
  const statistic = pooledSe > 0 ? estimate / pooledSe : null;
  const half = normalQuantile(1 - (1 - level) / 2, 0, 1) * unpooledSe;
  return {
    method: 'two-proportion-z',
    estimate,
    proportionX: px,
    proportionY: py,
    pooledStandardError: pooledSe,
    unpooledStandardError: unpooledSe,
    statistic,
    pValue: statistic === null ? null : Math.min(1, 2 * normalCdf(-Math.abs(statistic), 0, 1)),
    confidenceInterval:
      unpooledSe > 0
        ? { lower: estimate - half, upper: estimate + half, level }
        : { lower: null, upper: null, level },
  };
}

function checkProportion(name: string, p: Proportion): void {
  checkCount(`${name}.successes`, p.successes);
  checkCount(`${name}.trials`, p.trials);
  if (p.trials < 1 || p.successes > p.trials) {
    throw new InputError(`${name} needs 1 ≤ trials and successes ≤ trials, got ${p.successes}/${p.trials}`);
  }
}

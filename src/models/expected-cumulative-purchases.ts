import { InputError } from '../errors.js';
import type { PurchaseModel } from './purchase-model.js';

/**
 * Expected cumulative repeat purchases of a whole cohort at each time in `at`: Σ_i E[X(at − birth_i)] over the
 * customers whose first purchase `birth_i` is before `at`, all times in the model's time unit on one clock
 * (e.g. weeks since the cohort's start). It is the model line of the usual tracking plot (BTYD's
 * `bgnbd.ExpectedCumulativeTransactions`). Customers are grouped by birth time, so the cost is per distinct birth.
 */
export function expectedCumulativePurchases<P>(
  model: PurchaseModel<P>,
  params: P,
  birth: ArrayLike<number>,
  at: ArrayLike<number>,
): Float64Array {
  const counts = new Map<number, number>();
  for (let i = 0; i < birth.length; i++) {
    const b = birth[i]!;
    if (!Number.isFinite(b)) throw new InputError(`birth[${i}] must be a finite time, got ${b}`);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const out = new Float64Array(at.length);
  for (let j = 0; j < at.length; j++) {
    let total = 0;
    for (const [b, count] of counts)
      if (b < at[j]!) total += count * model.expectedPurchases(params, at[j]! - b);
    out[j] = total;
  }
  return out;
}

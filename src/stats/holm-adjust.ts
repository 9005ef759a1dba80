import { InputError } from '../errors.js';

/**
 * Holm–Bonferroni adjusted p-values (Holm 1979, Scand. J. Statist. 6:65–70), returned in the input order: with
 * the m p-values sorted ascending, p̃(i) = min(1, max over j ≤ i of (m − j + 1)·p(j)). Rejecting where p̃ ≤ α
 * controls the family-wise error rate at α for any dependence between the tests. Same as R
 * `p.adjust(p, "holm")`.
 * Preconditions: every p-value in [0, 1].
 *
 * @example holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new InputError(`pValues[${i}] must be in [0, 1], got ${p}`);
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}

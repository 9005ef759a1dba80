import { gammaGamma, type GammaGammaParams } from '../models/index.js';

/**
 * Gamma-Gamma's conditional expected spend E[M | x, mx] = (γ + x·mx)·p / (px + q − 1) as a SQL expression over
 * the columns `x` and `mx` (mx is taken as 0 when x = 0), given the SQL of the fitted p, q and γ (bound
 * parameters). The operations are those of `gammaGamma.conditionalExpectedSpend`, in the same order, so the two
 * agree to the last bit (test/predict/per-pattern.test.ts): the per-customer spend is computed in the database,
 * where every customer's (x, mx) already is, and never moves into JS.
 */
export function expectedSpendSql(x: string, mx: string, p: string, q: string, gamma: string): string {
  const m = `(CASE WHEN ${x} = 0 THEN 0 ELSE ${mx} END)`;
  return `((${gamma} + ${x} * ${m}) * ${p}) / (${p} * ${x} + ${q} - 1)`;
}

/**
 * Throws the `InputError` of `gammaGamma.conditionalExpectedSpend` when the parameters make the expected spend
 * of a customer with `minX` repeat purchases (the fewest of the base; the smallest denominator) infinite.
 */
export function checkSpendParams(params: GammaGammaParams, minX: number): void {
  gammaGamma.conditionalExpectedSpend(params, [minX], [0]);
}

import { InputError } from '../errors.js';
import { checkSummary, type CustomerSummary } from './customer-summary.js';

/** One value per summary row from a function of (x, t_x, T); validates the summary first. */
export function mapRows(
  summary: CustomerSummary,
  f: (x: number, tx: number, T: number) => number,
): Float64Array {
  checkSummary(summary);
  const { x, tx, T } = summary;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!, tx[i]!, T[i]!);
  return out;
}

/** Throws unless t is a finite, non-negative horizon. */
export function checkHorizon(t: number): void {
  if (!(t >= 0 && t < Infinity)) throw new InputError(`the horizon t must be finite and >= 0, got ${t}`);
}

import { InputError } from '../errors.js';
import { checkSummary, type CustomerSummary } from './customer-summary.js';
import { uniqueRows } from './unique-rows.js';

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

/**
 * One value per summary row from g(x, t_x, T, f(x, T)), where f — the costly part — is evaluated once per
 * distinct (x, T): the rows of a compressed summary differ mostly in t_x (a million customers make about 575 k
 * (x, t_x, T) patterns but 26 k distinct (x, T)). The same values as calling f on every row.
 */
export function mapRowsSharingXT(
  summary: CustomerSummary,
  f: (x: number, T: number) => number,
  g: (x: number, tx: number, T: number, fxT: number) => number,
): Float64Array {
  checkSummary(summary);
  const { x, tx, T } = summary;
  const distinct = uniqueRows([x, T]);
  const [dx, dT] = distinct.columns as [Float64Array, Float64Array];
  const shared = dx.map((xi, j) => f(xi, dT[j]!));
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = g(x[i]!, tx[i]!, T[i]!, shared[distinct.inverse[i]!]!);
  return out;
}

/** Throws unless t is a finite, non-negative horizon. */
export function checkHorizon(t: number): void {
  if (!(t >= 0 && t < Infinity)) throw new InputError(`the horizon t must be finite and >= 0, got ${t}`);
}

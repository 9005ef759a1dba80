import { checkSummary, type CustomerSummary } from './customer-summary.js';
import { uniqueRows } from './unique-rows.js';

/** A summary whose rows are distinct (x, t_x, T) patterns; `inverse[i]` is the row of input customer i. */
export interface CompressedSummary extends CustomerSummary {
  readonly weight: Float64Array;
  readonly inverse: Uint32Array;
}

/**
 * Merges customers with identical (x, t_x, T) into one row whose weight is their count (Fader & Hardie fit
 * the "RFM matrix" of patterns the same way). The log-likelihood is unchanged; predictions are computed once
 * per pattern and `expandToCustomers` maps them back. Input weights, if any, are summed.
 * @example const rows = compressSummary(summary); // 23,570 CDNOW customers → 8,685 rows
 */
export function compressSummary(summary: CustomerSummary): CompressedSummary {
  checkSummary(summary);
  const unique = uniqueRows([summary.x, summary.tx, summary.T], summary.weight);
  const [x, tx, T] = unique.columns as [Float64Array, Float64Array, Float64Array];
  return { timeUnit: summary.timeUnit, x, tx, T, weight: unique.weight, inverse: unique.inverse };
}

/** Per-customer values from per-row values of a compressed summary (or of a compressed spend summary). */
export function expandToCustomers(
  rowValues: Float64Array,
  compressed: { readonly inverse: Uint32Array },
): Float64Array {
  const { inverse } = compressed;
  const out = new Float64Array(inverse.length);
  for (let i = 0; i < inverse.length; i++) out[i] = rowValues[inverse[i]!]!;
  return out;
}

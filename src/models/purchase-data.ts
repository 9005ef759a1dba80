import { compressSummary } from './compress-summary.js';
import { checkSummary, totalCustomers, type CustomerSummary } from './customer-summary.js';
import { systematicSample } from './systematic-sample.js';

/** A summary ready for likelihood evaluation: weighted rows plus an index into the distinct values of x. */
export interface PurchaseData {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xValues: Float64Array;
  readonly xIndex: Uint32Array;
  readonly customers: number;
  readonly repeaters: number;
}

/** Rows as given (weights default to 1), or merged into distinct patterns when `compress` is set. */
export function purchaseData(summary: CustomerSummary, compress: boolean): PurchaseData {
  if (!compress) checkSummary(summary);
  const source = compress ? compressSummary(summary) : summary;
  const weight = source.weight ?? new Float64Array(source.x.length).fill(1);
  return indexRows(source.x, source.tx, source.T, weight);
}

/** A deterministic weighted sample of about `size` rows standing in for `data` (see systematicSample). */
export function samplePurchaseData(data: PurchaseData, size: number): PurchaseData {
  const sample = systematicSample(data.weight, size);
  const pick = (column: Float64Array) => Float64Array.from(sample.rows, (i) => column[i]!);
  return indexRows(pick(data.x), pick(data.tx), pick(data.T), sample.weight);
}

function indexRows(x: Float64Array, tx: Float64Array, T: Float64Array, weight: Float64Array): PurchaseData {
  const position = new Map<number, number>();
  const xIndex = new Uint32Array(x.length);
  let repeaters = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    let k = position.get(xi);
    if (k === undefined) {
      k = position.size;
      position.set(xi, k);
    }
    xIndex[i] = k;
    if (xi > 0) repeaters += weight[i]!;
  }
  const xValues = Float64Array.from(position.keys());
  return { x, tx, T, weight, xValues, xIndex, customers: totalCustomers({ x, weight }), repeaters };
}

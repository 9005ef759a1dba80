import { compressSummary } from './compress-summary.js';
import { checkSummary, totalCustomers, type CustomerSummary } from './customer-summary.js';
import { systematicSample } from './systematic-sample.js';

/**
 * A summary ready for likelihood evaluation: weighted rows plus, for x, t_x and T, an index into their distinct
 * values (a likelihood computes what depends on one of them once per distinct value: a million customers have
 * about 1,100 distinct T and t_x, in days).
 */
export interface PurchaseData {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xValues: Float64Array;
  readonly xIndex: Uint32Array;
  readonly txValues: Float64Array;
  readonly txIndex: Uint32Array;
  readonly TValues: Float64Array;
  readonly TIndex: Uint32Array;
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
  let repeaters = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > 0) repeaters += weight[i]!;
  const [xValues, xIndex] = distinctValues(x);
  const [txValues, txIndex] = distinctValues(tx);
  const [TValues, TIndex] = distinctValues(T);
  return {
    x,
    tx,
    T,
    weight,
    xValues,
    xIndex,
    txValues,
    txIndex,
    TValues,
    TIndex,
    customers: totalCustomers({ x, weight }),
    repeaters,
  };
}

/** The distinct values of a column, in order of first occurrence, and each row's position among them. */
function distinctValues(column: Float64Array): [Float64Array, Uint32Array] {
  const position = new Map<number, number>();
  const index = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let k = position.get(v);
    if (k === undefined) {
      k = position.size;
      position.set(v, k);
    }
    index[i] = k;
  }
  return [Float64Array.from(position.keys()), index];
}

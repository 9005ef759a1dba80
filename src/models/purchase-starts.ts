import type { PurchaseData } from './purchase-data.js';

/** Repeat purchases per unit of observed time, Σx / ΣT (1 when there is no observed time). */
export function observedRate(data: PurchaseData): number {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < data.x.length; i++) {
    purchases += data.weight[i]! * data.x[i]!;
    time += data.weight[i]! * data.T[i]!;
  }
  return purchases > 0 && time > 0 ? purchases / time : 1;
}

/**
 * Starting points [r, α, a, b] for the BG/NBD family: three shapes of the purchase-rate distribution, each with
 * α set so that its mean r/α matches the observed rate (which keeps the starts independent of the time unit),
 * paired with weak, medium and strong dropout.
 */
export function purchaseStarts(data: PurchaseData): Float64Array[] {
  const rate = observedRate(data);
  return [
    [1, 1 / rate, 1, 1],
    [0.3, 0.3 / rate, 0.5, 3],
    [3, 3 / rate, 2, 8],
  ].map((start) => Float64Array.from(start));
}

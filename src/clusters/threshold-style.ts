import { significant } from './significant.js';

/**
 * How a feature's thresholds are shown to the user:
 * - `integer`: every value is a whole number (orders, days): `x ≤ 45.5` is shown as `≤ 45`, `x > 5.5` as `≥ 6`,
 *   which selects exactly the same customers;
 * - `whole`: counts, items or days with fractional values (e.g. a mean interval): rounded to a whole number;
 * - `significant`: money, ratios and anything else: two significant digits (1234 → 1200, 0.153 → 0.15).
 */
export type ThresholdStyle = 'integer' | 'whole' | 'significant';

const WHOLE_UNITS = new Set(['count', 'items', 'days']);

export function thresholdStyle(unit: string | undefined, values: Float64Array): ThresholdStyle {
  let integers = true;
  for (let i = 0; i < values.length && integers; i++) integers = Number.isInteger(values[i]!);
  if (integers) return 'integer';
  return unit !== undefined && WHOLE_UNITS.has(unit) ? 'whole' : 'significant';
}

/**
 * A split threshold in the user's units. `extraDigits` adds significant digits (for `whole`, switches to
 * significant digits) when rounding would make the two bounds on one feature meet.
 */
export function roundThreshold(threshold: number, style: ThresholdStyle, extraDigits = 0): number {
  if (style === 'integer') return Math.floor(threshold);
  if (style === 'whole' && extraDigits === 0) return Math.round(threshold);
  return significant(threshold, 2 + extraDigits);
}

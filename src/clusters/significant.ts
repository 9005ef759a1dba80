/** `value` rounded to `digits` significant digits, as a number (1234 → 1200 and 0.04567 → 0.046 for 2 digits). */
export function significant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

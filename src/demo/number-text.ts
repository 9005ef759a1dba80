import { TWO_DIGITS } from './calendar.js';

/** An integer number of cents as `1234.05` / `-0.40`. */
export function formatCents(cents: number): string {
  const whole = Math.abs(cents);
  const text = `${Math.floor(whole / 100)}.${TWO_DIGITS[whole % 100]}`;
  return cents < 0 ? `-${text}` : text;
}

/** A number for the truth file, to 8 significant digits. */
export function formatReal(value: number): string {
  return value.toPrecision(8);
}

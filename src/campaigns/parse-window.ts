import { field, InputError } from '../errors.js';

/**
 * The length of an evaluation or planning window in days: `30d`, `30` (days) or `4w` (weeks).
 * Months are refused because their length varies; write them in days.
 */
export function parseWindow(text: string, flag = field('window')): number {
  const m = /^\s*(\d+)\s*(d|w|days?|weeks?)?\s*$/i.exec(text);
  const days = m ? Number(m[1]) * (m[2] && m[2].toLowerCase().startsWith('w') ? 7 : 1) : Number.NaN;
  if (!(Number.isInteger(days) && days >= 1 && days <= 3660)) {
    throw new InputError(
      `${flag} expects a number of days or weeks such as 30d or 4w (1 day to 10 years); got "${text}".`,
    );
  }
  return days;
}

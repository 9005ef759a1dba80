import { field, InputError } from '../errors.js';

/** A snapshot: the profile at `as_of`, with its period (the calendar month up to `as_of`). */
export interface SnapshotDate {
  snapshot_id: number;
  as_of: string;
  month: string;
  period_start: string;
}

/** A calendar month as one number, year × 12 + month − 1, so that consecutive months differ by 1. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** The first day of month `index`, YYYY-MM-DD. */
export function monthStart(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The last day of month `index`, YYYY-MM-DD. */
export function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/**
 * Month ends of the last `months` months up to the as-of date, plus the as-of date itself when it is not a
 * month end; dates before `firstSale` are dropped. Ascending, numbered from 0.
 */
export function snapshotDates(asOf: string, months: number, firstSale: string): SnapshotDate[] {
  if (!Number.isInteger(months) || months < 1 || months > 240) {
    throw new InputError(`${field('months')} must be a whole number from 1 to 240; got ${months}.`);
  }
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const isMonthEnd = d === daysInMonth(y, m);
  const dates: string[] = [];
  // The month end at or before the as-of date, then `months - 1` earlier ones.
  let year = y;
  let month = isMonthEnd ? m : m - 1;
  if (month === 0) {
    month = 12;
    year--;
  }
  for (let k = 0; k < months; k++) {
    dates.unshift(`${year}-${pad(month)}-${pad(daysInMonth(year, month))}`);
    month--;
    if (month === 0) {
      month = 12;
      year--;
    }
  }
  if (!isMonthEnd) dates.push(asOf);
  const kept = dates.filter(
    (date) => date >= firstSale.slice(0, 10) || date.slice(0, 7) === firstSale.slice(0, 7),
  );
  return kept.map((date, i) => ({
    snapshot_id: i,
    as_of: date,
    month: date.slice(0, 7),
    period_start: `${date.slice(0, 7)}-01`,
  }));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

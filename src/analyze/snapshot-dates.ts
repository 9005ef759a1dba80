import { InputError } from '../errors.js';

/** A snapshot: the profile at `as_of`, with its period (the calendar month up to `as_of`). */
export interface SnapshotDate {
  snapshot_id: number;
  as_of: string;
  month: string;
  period_start: string;
  /** Months since the start of the 12-month lookback before the first snapshot (bucket of its period). */
  bucket: number;
}

export const LOOKBACK_MONTHS = 12;

/** The month bucket of a day: 0 … LOOKBACK_MONTHS − 1 before the first snapshot's month, clamped at both ends. */
export function bucketSqlOf(snapshots: SnapshotDate[]): (day: string) => string {
  const [y0, m0] = snapshots[0]!.month.split('-').map(Number) as [number, number];
  const last = snapshots[snapshots.length - 1]!.bucket;
  return (day) =>
    `least(greatest(${LOOKBACK_MONTHS} + (year(${day}) - ${y0}) * 12 + month(${day}) - ${m0}, 0), ${last})`;
}

/**
 * Month ends of the last `months` months up to the as-of date, plus the as-of date itself when it is not a
 * month end; dates before `firstSale` are dropped. Ascending, numbered from 0.
 */
export function snapshotDates(asOf: string, months: number, firstSale: string): SnapshotDate[] {
  if (!Number.isInteger(months) || months < 1 || months > 240) {
    throw new InputError(`--months must be a whole number from 1 to 240; got ${months}.`);
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
    bucket: LOOKBACK_MONTHS + i,
  }));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

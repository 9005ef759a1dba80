import { InputError } from '../errors.js';
import { parseDay } from './calendar.js';
import { ByteSink } from './sink.js';

/**
 * The sales lines of a block, by date: lines dated before the split day go to `before`, the others to `from`.
 * Without a split (`splitDay` = Infinity) every line goes to `before`. The generator draws the same numbers
 * either way, so the two parts of a split hold exactly the lines of the unsplit file, each in its order.
 */
export class SalesSinks {
  readonly before = new ByteSink();
  readonly from = new ByteSink();

  /** `splitDay`: the first day of the second part, in days since the start of the calendar. */
  constructor(private readonly splitDay: number) {}

  /** The sink of a line dated at `moment` (days since the start of the calendar). */
  of(moment: number): ByteSink {
    return moment < this.splitDay ? this.before : this.from;
  }
}

/** Checks `--split-at`: the first day of a month after the start of the period and not after its end. */
export function checkSplitAt(splitAt: string, start: string, end: string): void {
  const day = parseDay(splitAt);
  if (Number.isNaN(day) || !splitAt.endsWith('-01')) {
    throw new InputError(
      `The demo split date must be the first day of a month written YYYY-MM-DD, e.g. 2025-12-01 (got ${splitAt}).`,
    );
  }
  if (!(day > parseDay(start) && day <= parseDay(end))) {
    throw new InputError(
      `The demo split date ${splitAt} must fall inside the period: after ${start} and not after ${end}.`,
    );
  }
}

/** The two sales files of a split, e.g. `sales-before-2025-12-01` and `sales-from-2025-12-01` (no extension). */
export function splitSalesNames(splitAt: string): { before: string; from: string } {
  return { before: `sales-before-${splitAt}`, from: `sales-from-${splitAt}` };
}

/** The day before a `YYYY-MM-DD` day. */
export function dayBefore(day: string): string {
  return new Date(parseDay(day) - 86_400_000).toISOString().slice(0, 10);
}

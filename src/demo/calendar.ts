const DAY_MS = 86_400_000;
/** Labels are cached for this many days before the start and after the end (account creation, late returns). */
const MARGIN_DAYS = 400;

export const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  String(i).padStart(2, '0'),
);

/**
 * The days of the generated period, counted from `start` (day 0) to `end` inclusive. A moment is a real number
 * of days since the start of day 0; the day of a moment is its floor.
 */
export class Calendar {
  readonly startMs: number;
  readonly days: number;
  private readonly labels: string[];

  constructor(start: string, end: string) {
    this.startMs = parseDay(start);
    this.days = Math.round((parseDay(end) - this.startMs) / DAY_MS) + 1;
    this.labels = Array.from({ length: this.days + 2 * MARGIN_DAYS }, (_, i) =>
      isoDay(this.startMs + (i - MARGIN_DAYS) * DAY_MS),
    );
  }

  /** `YYYY-MM-DD` of a day index (negative before the start). */
  label(day: number): string {
    return this.labels[day + MARGIN_DAYS] ?? isoDay(this.startMs + day * DAY_MS);
  }

  /** The day index of a `YYYY-MM-DD` day (NaN when it is not one). */
  dayOf(text: string): number {
    return Math.round((parseDay(text) - this.startMs) / DAY_MS);
  }

  /** 0 = January. */
  month(day: number): number {
    return new Date(this.startMs + day * DAY_MS).getUTCMonth();
  }

  dayOfMonth(day: number): number {
    return new Date(this.startMs + day * DAY_MS).getUTCDate();
  }

  /** 0 = Monday … 6 = Sunday. */
  weekday(day: number): number {
    return (new Date(this.startMs + day * DAY_MS).getUTCDay() + 6) % 7;
  }
}

/** Milliseconds of a `YYYY-MM-DD` day at 00:00 UTC, or NaN when the text is not a real calendar day. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDay(ms) === text ? ms : NaN;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

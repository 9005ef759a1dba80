import type { Calendar } from './calendar.js';
import { cumulativeOf } from './random.js';

export type Season = 'acquisition' | 'anonymous';

interface SeasonShape {
  /** January … December. */
  months: readonly number[];
  /** Monday … Sunday. */
  weekdays: readonly number[];
  /** Relative growth of the level per year since the start. */
  growth: number;
}

/**
 * New customers peak before the New Year and in spring (8 March gifts, spring collections); anonymous walk-in
 * traffic is more strongly December-heavy and weekend-heavy.
 */
const SHAPES: Record<Season, SeasonShape> = {
  acquisition: {
    months: [0.8, 0.8, 1.15, 1.1, 1.05, 0.9, 0.85, 0.9, 1, 1.05, 1.35, 1.6],
    weekdays: [0.9, 0.9, 0.92, 0.95, 1.05, 1.25, 1.15],
    growth: 0.12,
  },
  anonymous: {
    months: [0.85, 0.85, 1.05, 0.95, 1, 0.9, 0.9, 0.95, 0.95, 1, 1.25, 1.9],
    weekdays: [0.85, 0.85, 0.9, 0.95, 1.1, 1.35, 1.2],
    growth: 0.05,
  },
};

/** Pre-holiday rushes: 14–23 February, 1–7 March, 20–31 December. */
function holidayBoost(month: number, day: number): number {
  if (month === 1 && day >= 14 && day <= 23) return 1.2;
  if (month === 2 && day <= 7) return 1.4;
  if (month === 11 && day >= 20) return 1.5;
  return 1;
}

/** Cumulative relative weight of each day of the calendar for one kind of traffic. */
export function seasonalDays(calendar: Calendar, season: Season): Float64Array {
  const shape = SHAPES[season];
  const weights = new Float64Array(calendar.days);
  for (let day = 0; day < calendar.days; day++) {
    const month = calendar.month(day);
    weights[day] =
      (shape.months[month] ?? 1) *
      (shape.weekdays[calendar.weekday(day)] ?? 1) *
      holidayBoost(month, calendar.dayOfMonth(day)) *
      (1 + (shape.growth * day) / 365.25);
  }
  return cumulativeOf(weights);
}

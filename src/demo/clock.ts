import { TWO_DIGITS } from './calendar.js';
import { cumulativeOf } from './random.js';

export type Channel = 'offline' | 'online';

/** Relative traffic by hour of day: stores open 10:00–22:00 with lunch and evening peaks; online round the clock. */
const HOURLY_TRAFFIC: Record<Channel, readonly number[]> = {
  offline: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.7, 0.9, 1, 0.9, 0.85, 0.9, 1.1, 1.35, 1.4, 1.1, 0.6, 0, 0],
  online: [
    0.3, 0.15, 0.08, 0.05, 0.05, 0.08, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 1, 1, 0.95, 0.95, 1, 1.1, 1.3, 1.5, 1.6,
    1.5, 1.1, 0.6,
  ],
};

const CUMULATIVE: Record<Channel, Float64Array> = {
  offline: normalized(cumulativeOf(HOURLY_TRAFFIC.offline)),
  online: normalized(cumulativeOf(HOURLY_TRAFFIC.online)),
};

/**
 * The clock time of a moment in seconds after midnight: the fraction of the day is mapped through the inverse of
 * the channel's hourly traffic curve. The map is increasing, so moments keep their order within a day.
 */
export function clockSeconds(fraction: number, channel: Channel): number {
  const cumulative = CUMULATIVE[channel];
  let hour = 0;
  while (hour < 23 && (cumulative[hour] ?? 1) <= fraction) hour++;
  const below = hour === 0 ? 0 : (cumulative[hour - 1] ?? 0);
  const width = (cumulative[hour] ?? 1) - below;
  const within = width > 0 ? Math.min(3599, Math.floor(((fraction - below) / width) * 3600)) : 0;
  return hour * 3600 + within;
}

/** `HH:MM:SS` of seconds after midnight. */
export function formatClock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

function normalized(cumulative: Float64Array): Float64Array {
  const total = cumulative[cumulative.length - 1] ?? 1;
  return cumulative.map((value) => value / total);
}

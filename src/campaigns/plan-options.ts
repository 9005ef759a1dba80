import { field, InputError } from '../errors.js';
import type { PlanMetric } from './plan-campaign.js';

/** `conversion` or `revenue`. */
export function parseMetric(text: string): PlanMetric {
  const m = text.trim().toLowerCase();
  if (m === 'conversion' || m === 'revenue') return m;
  throw new InputError(`${field('metric')} must be conversion or revenue; got "${text}".`);
}

/** The effect to detect: `0.01` (absolute) or `10%` (relative to the baseline). */
export function parseMde(
  text: string,
  baseline: number | null,
): { absolute: number; relative: number | null } {
  const raw = text.trim();
  const relativeGiven = raw.endsWith('%');
  const value = Number(relativeGiven ? raw.slice(0, -1) : raw);
  if (!(raw !== '' && Number.isFinite(value) && value > 0)) {
    throw new InputError(
      `${field('mde')} is the effect to detect: a positive absolute difference (0.01 = one point of conversion, or an amount per customer for revenue) or a share of the baseline such as 10%; got "${text}".`,
    );
  }
  if (!relativeGiven) return { absolute: value, relative: baseline ? value / baseline : null };
  if (!baseline) {
    throw new InputError(
      `${field('mde')} ${raw} is relative to the baseline, but the segment's history gives no baseline; give an absolute ${field('mde')}.`,
    );
  }
  return { absolute: (value / 100) * baseline, relative: value / 100 };
}

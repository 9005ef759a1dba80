import { InputError } from '../errors.js';
import type { TimeUnit } from '../models/index.js';

/** Time units of the models, in days: a week is 7 days and a month 365.25 / 12 days, everywhere. */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;
export type UnitName = keyof typeof UNIT_DAYS;
/** The unit names, in order, as a literal list (for schemas and menus). */
export const UNIT_NAMES = ['day', 'week', 'month'] as const satisfies readonly UnitName[];

export const MODEL_UNIT: Record<UnitName, TimeUnit> = { day: 'days', week: 'weeks', month: 'months' };

export function parseUnit(text: string | undefined, flag: string, fallback: UnitName): UnitName {
  if (text === undefined) return fallback;
  const t = text.trim().toLowerCase().replace(/s$/, '');
  if (t in UNIT_DAYS) return t as UnitName;
  throw new InputError(`${flag} must be day, week or month; got "${text}".`);
}

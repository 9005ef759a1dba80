import { field, InputError } from '../errors.js';

/** The control share: a number strictly between 0 and 1 (`0.1`), or a percentage (`10%`). */
export function parseShare(text: string | number, flag = field('control')): number {
  const raw = String(text).trim();
  const share = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
  if (!(raw !== '' && share > 0 && share < 1)) {
    throw new InputError(
      `${flag} is the share of the segment kept as a control group: a number between 0 and 1 such as 0.1 (or 10%); got "${raw}".`,
    );
  }
  return share;
}

export const MAX_SEED = 4_294_967_295;

/** A seed for the control-group draw: a whole number from 1 to 4294967295. */
export function parseSeed(text: string | number, flag = field('seed')): number {
  const seed = Number(String(text).trim());
  if (!(Number.isInteger(seed) && seed >= 1 && seed <= MAX_SEED)) {
    throw new InputError(`${flag} must be a whole number from 1 to ${MAX_SEED}; got "${String(text)}".`);
  }
  return seed;
}

/** A finite number ≥ 0, e.g. a cost per contact. */
export function parseNonNegative(text: string | number, flag: string): number {
  const value = Number(String(text).trim());
  if (!(String(text).trim() !== '' && Number.isFinite(value) && value >= 0)) {
    throw new InputError(`${flag} must be a number ≥ 0; got "${String(text)}".`);
  }
  return value;
}

/** A campaign name: non-empty, at most 200 characters, no control characters. */
export function parseName(text: string): string {
  const name = text.trim();
  if (name === '' || name.length > 200 || /\p{Cc}/u.test(name)) {
    throw new InputError(
      `${field('name')} must be a non-empty name of at most 200 characters without control characters; got "${text}".`,
    );
  }
  return name;
}

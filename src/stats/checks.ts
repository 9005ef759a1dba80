import { InputError } from '../errors.js';

/** Input checks shared by the public functions of this folder; each throws `InputError` naming the argument. */

export function checkLevel(name: string, value: number): number {
  if (!(value > 0 && value < 1))
    throw new InputError(`${name} must be strictly between 0 and 1, got ${value}`);
  return value;
}

export function checkPositive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0))
    throw new InputError(`${name} must be a positive number, got ${value}`);
  return value;
}

export function checkNonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new InputError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  return value;
}

export function checkCount(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 0))
    throw new InputError(`${name} must be an integer ≥ 0, got ${value}`);
  return value;
}

/** Copies (or reuses) numbers as a Float64Array, rejecting NaN and ±Infinity with the offending position. */
export function toFiniteArray(name: string, values: ArrayLike<number>): Float64Array {
  const out = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new InputError(`${name}[${i}] is not a finite number: ${out[i]}`);
  }
  return out;
}

export function checkUnitInterval(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new InputError(`${name} must be between 0 and 1, got ${value}`);
  return value;
}

import { isInputError } from '../errors.js';

/** The API's name for an engine option where it is not the option's snake_case (see InputError). */
const API_NAMES: Record<string, string> = {
  segment: 'selection',
  control: 'control_share',
  window: 'window_days',
};

/** The request field that carries the engine option `name`: `asOf` → `as_of`. */
export function apiField(name: string): string {
  return API_NAMES[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** An error's message in the API's words: the options an engine message names, as request fields. */
export function apiMessage(error: unknown): string {
  if (isInputError(error)) return error.worded(apiField);
  return error instanceof Error ? error.message : String(error);
}

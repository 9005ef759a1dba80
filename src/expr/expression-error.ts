import { InputError } from '../errors.js';

/**
 * A segment expression that cannot be understood or does not fit the fields: one sentence naming the column
 * (1-based, in characters) and what was expected. An `InputError`, so the CLI exits with code 2.
 */
export class ExpressionError extends InputError {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message, { column });
  }
}

/**
 * Errors that reach the user. `InputError` is bad input or bad usage (exit code 2, HTTP 4xx): its message is
 * one paragraph that says what is wrong and where (file, line, column) and never contains a stack trace.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Input that names something the workspace does not hold (a load, a campaign): exit code 2, HTTP 404. */
export class NotFoundError extends InputError {
  override readonly name = 'NotFoundError';
}

/** Input that conflicts with what the workspace holds (a name already used): exit code 2, HTTP 409. */
export class ConflictError extends InputError {
  override readonly name = 'ConflictError';
}

/** A failure of the engine itself (exit code 1). */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

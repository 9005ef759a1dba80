/**
 * Errors that reach the user. `InputError` is bad input or bad usage (exit code 2, HTTP 4xx): its message is
 * one paragraph that says what is wrong and where (file, line, column) and never contains a stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
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

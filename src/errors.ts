/**
 * Errors that reach the user. `InputError` is bad input or bad usage (exit code 2, HTTP 4xx): its message is
 * one paragraph that says what is wrong and where (file, line, column) and never contains a stack trace.
 *
 * The engine does not know how a surface names its inputs (`--as-of` on the command line, `as_of` in the
 * API): a message names an option with `field('asOf')`, the option's name in the engine's typed options. The
 * error keeps the fields it names; `message` writes them as those names, and a surface words the message its
 * own way with `worded` (the CLI as flags, the API as request fields).
 */
const FIELD = /\u27e6([A-Za-z0-9_]+)\u27e7/g;

/** How a message names the engine option `name` (see InputError). */
export function field(name: string): string {
  return `\u27e6${name}\u27e7`;
}

export class InputError extends Error {
  override readonly name: string = 'InputError';
  /** The message as written, with its fields marked. */
  readonly template: string;
  /** The engine options the message names, in order: the first is the offending one. */
  readonly fields: readonly string[];
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message.replace(FIELD, (_, name: string) => name));
    this.template = message;
    this.fields = [...message.matchAll(FIELD)].map((m) => m[1]!);
  }

  /** What kind of bad input: invalid (HTTP 400), not_found (404) or conflict with the workspace (409). */
  get code(): 'invalid' | 'not_found' | 'conflict' {
    return 'invalid';
  }

  /** The offending option, when the message names one. */
  get field(): string | undefined {
    return this.fields[0];
  }

  /** The message with each field written as `name` gives it (a flag, a request field). */
  worded(name: (field: string) => string): string {
    return this.template.replace(FIELD, (_, f: string) => name(f));
  }
}

/** Input that names something the workspace does not hold (a load, a campaign): exit code 2, HTTP 404. */
export class NotFoundError extends InputError {
  override readonly name = 'NotFoundError';
  override get code(): 'not_found' {
    return 'not_found';
  }
}

/** Input that conflicts with what the workspace holds (a name already used): exit code 2, HTTP 409. */
export class ConflictError extends InputError {
  override readonly name = 'ConflictError';
  override get code(): 'conflict' {
    return 'conflict';
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

import { InputError } from '../errors.js';

/** Why a model could not be fitted; lets callers react without parsing the message. */
export type ModelFitFailure =
  | 'too-few-customers'
  | 'no-repeaters'
  | 'non-finite-likelihood'
  | 'diverged'
  | 'hessian-not-positive-definite';

/**
 * The data cannot support the requested fit (no repeat buyers, too few customers, a parameter running off to
 * 0 or infinity, a flat likelihood). It is an `InputError`: the message is one readable sentence about the data,
 * and the CLI reports it as bad input rather than as an engine failure (`name` stays "InputError").
 */
export class ModelFitError extends InputError {
  constructor(
    readonly reason: ModelFitFailure,
    message: string,
  ) {
    super(message, { reason });
  }
}

import { InputError } from '../errors.js';

/** Why the customers could not be segmented; lets callers react without parsing the message. */
export type SegmentationFailure =
  'too-few-customers' | 'no-usable-feature' | 'too-few-distinct' | 'invalid-input';

/**
 * The data or the options cannot support automatic segmentation (too few customers, no feature with spread,
 * fewer distinct customers than clusters, malformed input). An `InputError`: one readable sentence about the
 * data, reported by the CLI as bad input (exit code 2).
 */
export class SegmentationError extends InputError {
  constructor(
    readonly reason: SegmentationFailure,
    message: string,
  ) {
    super(message, { reason });
  }
}

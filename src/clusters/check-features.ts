import type { FeatureInput } from './prepare-features.js';
import { SegmentationError } from './segmentation-error.js';

/** Fewest customers that can be segmented. */
export const MIN_CUSTOMERS = 20;

/**
 * Parses the features at the edge: at least one, distinct non-empty names, Float64Array values of one common
 * length, and at least `MIN_CUSTOMERS` customers; otherwise a `SegmentationError` that says which.
 */
export function checkFeatures(features: readonly FeatureInput[]): void {
  if (!Array.isArray(features) || features.length === 0) {
    throw new SegmentationError('no-usable-feature', 'No features were given: segments need at least one.');
  }
  const seen = new Set<string>();
  const n = features[0]?.values?.length;
  for (const feature of features) {
    if (typeof feature?.name !== 'string' || feature.name === '' || seen.has(feature.name)) {
      throw new SegmentationError('invalid-input', `Every feature needs a distinct, non-empty name.`);
    }
    seen.add(feature.name);
    if (!(feature.values instanceof Float64Array)) {
      throw new SegmentationError('invalid-input', `Feature ${feature.name}: values must be a Float64Array.`);
    }
    if (feature.values.length !== n) {
      throw new SegmentationError(
        'invalid-input',
        `Feature ${feature.name} has ${feature.values.length} values but ${features[0]!.name} has ${n}: ` +
          'every feature needs one value per customer.',
      );
    }
  }
  if (n === undefined || n < MIN_CUSTOMERS) {
    throw new SegmentationError(
      'too-few-customers',
      `Only ${n ?? 0} customers: automatic segments need at least ${MIN_CUSTOMERS}.`,
    );
  }
}

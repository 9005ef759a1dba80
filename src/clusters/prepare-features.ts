import { median } from './median.js';
import { significant } from './significant.js';
import { skewness } from './skewness.js';

/** One behavioural feature: one value per customer, in the same customer order for every feature. */
export interface FeatureInput {
  name: string;
  /** The metric catalogue's unit (`count`, `days`, `currency`, …); decides how rule thresholds are rounded. */
  unit?: string;
  values: Float64Array;
}

/** How a kept feature was turned into the z-scores that k-means sees: z = (t(x) − mean) / std. */
export interface FeatureTransform {
  feature: string;
  /** t(x) = log(1 + x) when true, t(x) = x otherwise. */
  log: boolean;
  /** Mean and population standard deviation of t(x) over all customers. */
  mean: number;
  std: number;
  /** Sample skewness g1 of the observed values, the input to the log rule. */
  skewness: number;
  /** Values that were missing (NaN or infinite) and replaced by the median. */
  missing: number;
}

export interface PreparedFeatures {
  customers: number;
  dims: number;
  names: string[];
  units: (string | undefined)[];
  /** Per kept feature, its values in the user's units with missing ones replaced by the median. */
  original: Float64Array[];
  /** customers × dims, row-major: the standardized (and, where skewed, log-transformed) features. */
  matrix: Float64Array;
  transforms: FeatureTransform[];
  notes: string[];
}

/** A feature is log-transformed when its sample skewness exceeds this and no value is negative. */
export const LOG_SKEWNESS = 1;

/**
 * Prepares features for k-means. Per feature: missing values (NaN, ±∞) are replaced by the median of the
 * observed ones; when the sample skewness g1 > 1 and every value is ≥ 0 the feature is replaced by log(1 + x)
 * (the usual remedy for heavy right tails of counts and money, which would otherwise dominate the distances);
 * then it is standardized to z-scores with the population standard deviation. Features with no observed value
 * or no spread are dropped. Every decision is written to `notes`. Precondition: all `values` have one length.
 */
export function prepareFeatures(features: readonly FeatureInput[]): PreparedFeatures {
  const customers = features[0]?.values.length ?? 0;
  const notes: string[] = [];
  const kept: {
    feature: FeatureInput;
    original: Float64Array;
    z: Float64Array;
    transform: FeatureTransform;
  }[] = [];
  for (const feature of features) {
    const prepared = prepareOne(feature, notes);
    if (prepared) kept.push({ feature, ...prepared });
  }
  const dims = kept.length;
  const matrix = new Float64Array(customers * dims);
  kept.forEach(({ z }, t) => {
    for (let i = 0; i < customers; i++) matrix[i * dims + t] = z[i]!;
  });
  return {
    customers,
    dims,
    names: kept.map((k) => k.feature.name),
    units: kept.map((k) => k.feature.unit),
    original: kept.map((k) => k.original),
    matrix,
    transforms: kept.map((k) => k.transform),
    notes,
  };
}

function prepareOne(
  feature: FeatureInput,
  notes: string[],
): { original: Float64Array; z: Float64Array; transform: FeatureTransform } | undefined {
  const { name, values } = feature;
  const n = values.length;
  let missing = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) min = Math.min(min, v);
    else missing++;
  }
  if (missing === n) {
    notes.push(`${name}: dropped, no customer has a value.`);
    return undefined;
  }
  let original = values;
  if (missing > 0) {
    const fill = median(values);
    original = new Float64Array(n);
    for (let i = 0; i < n; i++) original[i] = Number.isFinite(values[i]!) ? values[i]! : fill;
    const share = significant((100 * missing) / n, 2);
    notes.push(
      `${name}: ${missing} missing values (${share}%) replaced by the median, ${significant(fill, 4)}.`,
    );
  }
  const g1 = skewness(values);
  const log = g1 > LOG_SKEWNESS && min >= 0;
  const t = log ? new Float64Array(n) : original;
  if (log) for (let i = 0; i < n; i++) t[i] = Math.log1p(original[i]!);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += t[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (t[i]! - mean) ** 2;
  const std = Math.sqrt(squares / n);
  if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) {
    notes.push(`${name}: dropped, every customer has the same value (${significant(original[0]!, 4)}).`);
    return undefined;
  }
  if (log) {
    notes.push(
      `${name}: log(1 + x) before standardizing (skewness ${significant(g1, 2)} > 1, no negative value).`,
    );
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = (t[i]! - mean) / std;
  return { original, z, transform: { feature: name, log, mean, std, skewness: g1, missing } };
}

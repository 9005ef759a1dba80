import { checkFeatures } from './check-features.js';
import { chooseK } from './choose-k.js';
import { describeClusters, type SegmentCluster } from './describe-clusters.js';
import { lloyd, type KMeansFit } from './lloyd.js';
import { prepareFeatures, type FeatureInput, type FeatureTransform } from './prepare-features.js';
import { parseSegmentOptions, type AutoSegmentsOptions } from './segment-options.js';
import { SegmentationError } from './segmentation-error.js';

export interface AutoSegments {
  k: number;
  /** Mean silhouette width for each k tried (only the requested k when k is forced). */
  silhouette: { k: number; score: number }[];
  clusters: SegmentCluster[];
  /** Cluster id of each customer, in input order. Not JSON: serialize with `Array.from` if needed. */
  assignments: Int32Array;
  transforms: FeatureTransform[];
  /** Every choice made on the way, in plain English. */
  notes: string[];
}

/**
 * Automatic customer segments: features are imputed, log-transformed where skewed and standardized
 * (`prepareFeatures`); k-means (k-means++ seeding, Arthur & Vassilvitskii 2007; Lloyd iterations; restarts
 * keeping the lowest inertia) is fitted for each k in `kRange` on a seeded sample and k is chosen by the highest
 * mean silhouette (Rousseeuw 1987) on a seeded subsample, unless `k` is given; the chosen partition is refined
 * on all customers; each cluster is explained by a rule from a shallow one-vs-rest CART tree (Breiman et al.
 * 1984) on the original values, with its fidelity and precision, and given a suggested name. Deterministic for
 * a seed. Throws `SegmentationError` on unusable input.
 *
 * @example autoSegments([{ name: 'recency_days', unit: 'days', values }, …], { k: 'auto', seed: 42 });
 */
export function autoSegments(
  features: readonly FeatureInput[],
  options: AutoSegmentsOptions = {},
): AutoSegments {
  checkFeatures(features);
  const settings = parseSegmentOptions(options);
  const prepared = prepareFeatures(features);
  const notes = [...prepared.notes];
  if (prepared.dims === 0) {
    throw new SegmentationError(
      'no-usable-feature',
      `No feature can be used for segments: ${prepared.notes.join(' ')}`,
    );
  }
  const { customers: n, dims, matrix, names } = prepared;
  notes.unshift(`${count(n)} customers, ${dims} features: ${names.join(', ')}.`);

  const { tried, chosen, fitRows } = chooseK(matrix, dims, settings, notes);
  const sampled = fitRows.length < n;

  let final: KMeansFit = chosen.fit;
  const method = `k-means (k-means++ seeding, ${settings.restarts} restarts, lowest inertia kept)`;
  if (sampled) {
    final = lloyd(matrix, dims, chosen.fit.centroids, { maxIterations: 100 });
    notes.push(
      `${method} fitted on a seeded random sample of ${count(fitRows.length)} customers, then refined by ` +
        `${final.iterations} Lloyd iterations on all ${count(n)}.`,
    );
  } else {
    notes.push(`${method} on all customers.`);
  }
  const { assignments, order } = bySize(final.labels, final.k);
  const clusters = describeClusters(prepared, final, assignments, order, settings, notes);
  notes.push(
    'Names are suggestions from where each centre lies relative to the population (0.5 SD or more above or below).',
    `Seed ${settings.seed}: the same data and seed give the same segments.`,
  );
  return {
    k: final.k,
    silhouette: tried.map(({ k, score }) => ({ k, score })),
    clusters,
    assignments,
    transforms: prepared.transforms,
    notes,
  };
}

/** Labels renumbered so that 0 is the largest cluster (ties: the lower old label); `order[new] = old`. */
function bySize(labels: Int32Array, k: number): { assignments: Int32Array; order: number[] } {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]!]!++;
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(k);
  order.forEach((old, id) => (rank[old] = id));
  const assignments = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) assignments[i] = rank[labels[i]!]!;
  return { assignments, order };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

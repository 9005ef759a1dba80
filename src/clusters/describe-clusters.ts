import { nameClusters, type ClusterName, type FeatureStanding } from './cluster-name.js';
import { clusterRule } from './cluster-rule.js';
import { randomStream, STREAM } from './derive-seed.js';
import type { KMeansFit } from './lloyd.js';
import type { PreparedFeatures } from './prepare-features.js';
import type { Condition } from './rule-text.js';
import type { SegmentSettings } from './segment-options.js';
import { significant } from './significant.js';
import { sortedOrders } from './sorted-orders.js';
import { stratifiedSample } from './stratified-sample.js';
import { thresholdStyle } from './threshold-style.js';

/** One automatic segment: its size, centroid, the rule that describes it and a suggested name. */
export interface SegmentCluster {
  /** 0 is the largest cluster, then by decreasing size. */
  id: number;
  size: number;
  share: number;
  /** The k-means centre in the user's units (mapped back through the log and the standardization), 3 digits. */
  centroid: Record<string, number>;
  /** The centre as z-scores of the population (on the log scale where used): what the name is based on. */
  relative: Record<string, number>;
  rule: string;
  ruleRu: string;
  conditions: Condition[];
  /** Share of the cluster's customers that satisfy the rule. */
  fidelity: number;
  /** Share of the customers satisfying the rule that are in the cluster. */
  precision: number;
  name: ClusterName;
}

/** Fewest rows per cluster in the stratified sample the rule trees learn from (or all of a smaller cluster). */
const MIN_TREE_ROWS_PER_CLUSTER = 500;

/**
 * Size, centre, rule and name of each cluster of a final partition whose labels are already `assignments`
 * (`order[id]` is the k-means label of cluster `id`). Rules come from `clusterRule` trained on a seeded sample
 * stratified by cluster; centres are mapped back to the user's units; names come from `nameClusters`.
 */
export function describeClusters(
  prepared: PreparedFeatures,
  fit: KMeansFit,
  assignments: Int32Array,
  order: readonly number[],
  settings: SegmentSettings,
  notes: string[],
): SegmentCluster[] {
  const { dims, names, units, original, transforms, customers: n } = prepared;
  const k = order.length;
  const sample = stratifiedSample(
    assignments,
    k,
    settings.treeSampleSize,
    MIN_TREE_ROWS_PER_CLUSTER,
    randomStream(settings.seed, STREAM.tree),
  );
  const columns = original.map((column) => Float64Array.from(sample.rows, (row) => column[row]!));
  const minLeaf = settings.treeMinLeaf ?? Math.max(5, Math.ceil(0.005 * sample.rows.length));
  const ruleData = {
    names,
    styles: original.map((column, f) => thresholdStyle(units[f], column)),
    values: original,
    labels: assignments,
    sample: {
      columns,
      labels: Int32Array.from(sample.rows, (row) => assignments[row]!),
      weights: sample.weights,
      orders: sortedOrders(columns),
    },
    maxDepth: settings.treeDepth,
    minLeaf,
  };
  notes.push(
    `Rules: one-vs-rest CART trees (Gini, balanced classes, depth ≤ ${settings.treeDepth}, ≥ ${minLeaf} customers ` +
      `per leaf) on the original values of ` +
      (sample.rows.length < n
        ? `a seeded sample of ${sample.rows.length.toLocaleString('en-US')} customers stratified by cluster (at least ` +
          `${MIN_TREE_ROWS_PER_CLUSTER} per cluster, weighted back to the population); `
        : 'all customers; ') +
      'fidelity and precision counted on all customers for the rule as printed.',
  );
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[assignments[i]!]!++;
  const standings: FeatureStanding[][] = order.map((old) =>
    names.map((feature, f) => {
      const z = fit.centroids[old * dims + f]!;
      const { log, mean, std } = transforms[f]!;
      const scaled = z * std + mean;
      return { feature, unit: units[f], z, value: log ? Math.expm1(scaled) : scaled };
    }),
  );
  const suggested = nameClusters(standings);
  return order.map((_, id) => {
    const standing = standings[id]!;
    return {
      id,
      size: sizes[id]!,
      share: sizes[id]! / n,
      centroid: Object.fromEntries(standing.map((s) => [s.feature, significant(s.value, 3)])),
      relative: Object.fromEntries(standing.map((s) => [s.feature, Math.round(s.z * 100) / 100 || 0])),
      ...clusterRule(id, ruleData),
      name: suggested[id]!,
    };
  });
}

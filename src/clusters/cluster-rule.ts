import { fitDecisionTree, treeLeaves, type PathCondition } from './decision-tree.js';
import { ruleText, type Condition } from './rule-text.js';
import { roundThreshold, type ThresholdStyle } from './threshold-style.js';

/** A cluster described as one conjunction of thresholds, and how well that description matches it. */
export interface ClusterRule {
  conditions: Condition[];
  rule: string;
  ruleRu: string;
  /** Share of the cluster's customers that satisfy the rule (recall). */
  fidelity: number;
  /** Share of the customers satisfying the rule that are in the cluster. */
  precision: number;
}

/** What every cluster's rule is learned from and measured on. */
export interface RuleData {
  names: readonly string[];
  styles: readonly ThresholdStyle[];
  /** All customers: feature values in the user's units, and cluster labels. */
  values: readonly Float64Array[];
  labels: Int32Array;
  /** The training sample: its columns (same features), labels, row weights and per-column sorted orders. */
  sample: { columns: Float64Array[]; labels: Int32Array; weights: Float64Array; orders: Int32Array[] };
  maxDepth: number;
  minLeaf: number;
}

/**
 * The rule of one cluster: a one-vs-rest CART tree (Breiman et al. 1984; Gini, balanced classes, `maxDepth`,
 * `minLeaf`) is fitted on the sample to tell the cluster from the rest; the leaf with the best F1 for the
 * cluster (weighted sample counts) gives the rule as the conjunction of the conditions on its path, with
 * repeated features merged into their tightest bounds and thresholds rounded into the user's units. Fidelity
 * and precision are then counted on all customers, for the rule as printed.
 */
export function clusterRule(cluster: number, data: RuleData): ClusterRule {
  const { sample } = data;
  const target = Uint8Array.from(sample.labels, (label) => (label === cluster ? 1 : 0));
  const tree = fitDecisionTree(sample.columns, target, {
    maxDepth: data.maxDepth,
    minLeaf: data.minLeaf,
    weights: sample.weights,
    orders: sample.orders,
  });
  let best: PathCondition[] = [];
  let bestF1 = -1;
  for (const { leaf, path } of treeLeaves(tree)) {
    const f1 = (2 * leaf.positive) / (tree.positive + leaf.total);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = path;
    }
  }
  const conditions = roundedConditions(best, data);
  const styles = Object.fromEntries(data.names.map((name, f) => [name, data.styles[f]!]));
  return {
    conditions,
    rule: ruleText(conditions, styles, 'en'),
    ruleRu: ruleText(conditions, styles, 'ru'),
    ...coverage(cluster, conditions, data),
  };
}

function roundedConditions(path: readonly PathCondition[], data: RuleData): Condition[] {
  const bounds = new Map<number, { above?: number; atMost?: number }>();
  for (const { feature, op, threshold } of path) {
    const bound = bounds.get(feature) ?? {};
    if (op === '<=') bound.atMost = Math.min(bound.atMost ?? Infinity, threshold);
    else bound.above = Math.max(bound.above ?? -Infinity, threshold);
    bounds.set(feature, bound);
  }
  const out: Condition[] = [];
  for (const [feature, { above, atMost }] of bounds) {
    const style = data.styles[feature]!;
    let extra = 0;
    const round = (t: number): number => roundThreshold(t, style, extra);
    while (above !== undefined && atMost !== undefined && round(above) >= round(atMost) && extra < 14)
      extra++;
    const name = data.names[feature]!;
    if (above !== undefined) out.push({ feature: name, op: '>', value: round(above) });
    if (atMost !== undefined) out.push({ feature: name, op: '<=', value: round(atMost) });
  }
  return out;
}

function coverage(
  cluster: number,
  conditions: readonly Condition[],
  data: RuleData,
): { fidelity: number; precision: number } {
  const checks = conditions.map(({ feature, op, value }) => ({
    column: data.values[data.names.indexOf(feature)]!,
    above: op === '>',
    value,
  }));
  const { labels } = data;
  let inCluster = 0;
  let covered = 0;
  let both = 0;
  for (let i = 0; i < labels.length; i++) {
    let ok = true;
    for (const { column, above, value } of checks) {
      const v = column[i]!;
      if (above ? !(v > value) : !(v <= value)) {
        ok = false;
        break;
      }
    }
    const member = labels[i] === cluster;
    if (member) inCluster++;
    if (ok) covered++;
    if (ok && member) both++;
  }
  return { fidelity: inCluster > 0 ? both / inCluster : 0, precision: covered > 0 ? both / covered : 0 };
}

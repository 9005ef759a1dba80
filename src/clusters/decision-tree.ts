import { weightedBinaryGini } from './gini.js';
import { sortedOrders } from './sorted-orders.js';

/** A node of a binary classification tree over numeric features: rows with `x[feature] ≤ threshold` go left. */
export interface TreeNode {
  depth: number;
  /** Training rows in the node. */
  rows: number;
  /** Sum of the row weights in the node, and of those of its positive rows. */
  total: number;
  positive: number;
  split?: { feature: number; threshold: number; left: TreeNode; right: TreeNode };
}

export interface DecisionTreeOptions {
  /** Levels of splits at most (default 3). */
  maxDepth?: number;
  /** Fewest training rows in a child (default 1). */
  minLeaf?: number;
  /** Weight of each row, e.g. inverse inclusion probabilities of a stratified sample (default 1). */
  weights?: Float64Array;
  /** Row orders of each column sorted by value (from `sortedOrders`), to share between trees. */
  orders?: Int32Array[];
}

/**
 * A CART classification tree (Breiman, Friedman, Olshen & Stone 1984, "Classification and Regression Trees")
 * for a two-class target, grown greedily level by level: each node takes the split `x_f ≤ t` (t halfway between
 * consecutive distinct values) with the lowest total Gini impurity of its children, at least `minLeaf` rows per
 * child. The classes are balanced (each carries half the total weight) so that a small cluster is not ignored.
 * A node stays a leaf at `maxDepth`, when pure, or when no split lowers its impurity. Ties go to the first
 * feature, then the lowest threshold.
 */
export function fitDecisionTree(
  columns: readonly Float64Array[],
  target: Uint8Array,
  options: DecisionTreeOptions = {},
): TreeNode {
  const maxDepth = options.maxDepth ?? 3;
  const minLeaf = Math.max(1, options.minLeaf ?? 1);
  const orders = options.orders ?? sortedOrders(columns);
  const m = target.length;
  const weights = options.weights ?? new Float64Array(m).fill(1);
  let total = 0;
  let positive = 0;
  for (let i = 0; i < m; i++) {
    total += weights[i]!;
    if (target[i] === 1) positive += weights[i]!;
  }
  const classWeight: Balance = {
    negative: total > positive ? 0.5 / (total - positive) : 0,
    positive: positive > 0 ? 0.5 / positive : 0,
  };
  const root: TreeNode = { depth: 0, rows: m, total, positive };
  const nodeOf = new Int32Array(m);
  let level = [root];
  while (level.length > 0) {
    const open = level.map((node) => node.depth < maxDepth && node.rows >= 2 * minLeaf && impure(node));
    const best = findSplits({ columns, orders, target, weights, nodeOf, level, open, classWeight, minLeaf });
    const next: TreeNode[] = [];
    const childOf = new Int32Array(level.length * 2).fill(-1);
    level.forEach((node, j) => {
      const split = best[j];
      if (split === undefined) return;
      const child = (rows: number, sum: number, pos: number): TreeNode => ({
        depth: node.depth + 1,
        rows,
        total: sum,
        positive: pos,
      });
      const left = child(split.leftRows, split.leftTotal, split.leftPositive);
      const right = child(
        node.rows - split.leftRows,
        node.total - split.leftTotal,
        node.positive - split.leftPositive,
      );
      node.split = { feature: split.feature, threshold: split.threshold, left, right };
      childOf[2 * j] = next.push(left) - 1;
      childOf[2 * j + 1] = next.push(right) - 1;
    });
    for (let i = 0; i < m; i++) {
      const j = nodeOf[i]!;
      if (j < 0) continue;
      const split = level[j]!.split;
      nodeOf[i] =
        split === undefined ? -1 : childOf[2 * j + (columns[split.feature]![i]! <= split.threshold ? 0 : 1)]!;
    }
    level = next;
  }
  return root;
}

export interface PathCondition {
  feature: number;
  op: '<=' | '>';
  threshold: number;
}

/** The leaves of a tree, left to right, each with the conditions on its path from the root. */
export function treeLeaves(root: TreeNode): { leaf: TreeNode; path: PathCondition[] }[] {
  const out: { leaf: TreeNode; path: PathCondition[] }[] = [];
  const walk = (node: TreeNode, path: PathCondition[]): void => {
    if (node.split === undefined) {
      out.push({ leaf: node, path });
      return;
    }
    const { feature, threshold, left, right } = node.split;
    walk(left, [...path, { feature, op: '<=', threshold }]);
    walk(right, [...path, { feature, op: '>', threshold }]);
  };
  walk(root, []);
  return out;
}

interface Balance {
  negative: number;
  positive: number;
}

interface Candidate {
  score: number;
  feature: number;
  threshold: number;
  leftRows: number;
  leftTotal: number;
  leftPositive: number;
}

function impure(node: TreeNode): boolean {
  return node.positive > 0 && node.positive < node.total;
}

/** Weight × impurity of a node with `total` weight, `positive` of it positive, under balanced classes. */
function nodeScore(total: number, positive: number, balance: Balance): number {
  return weightedBinaryGini((total - positive) * balance.negative, positive * balance.positive);
}

function findSplits(input: {
  columns: readonly Float64Array[];
  orders: readonly Int32Array[];
  target: Uint8Array;
  weights: Float64Array;
  nodeOf: Int32Array;
  level: readonly TreeNode[];
  open: readonly boolean[];
  classWeight: Balance;
  minLeaf: number;
}): (Candidate | undefined)[] {
  const { columns, orders, target, weights, nodeOf, level, open, classWeight, minLeaf } = input;
  const count = level.length;
  const best: (Candidate | undefined)[] = level.map((node, j) =>
    open[j]
      ? {
          score: nodeScore(node.total, node.positive, classWeight) * (1 - 1e-9),
          feature: -1,
          threshold: 0,
          leftRows: 0,
          leftTotal: 0,
          leftPositive: 0,
        }
      : undefined,
  );
  const leftRows = new Float64Array(count);
  const leftTotal = new Float64Array(count);
  const leftPositive = new Float64Array(count);
  const last = new Float64Array(count);
  columns.forEach((column, f) => {
    leftRows.fill(0);
    leftTotal.fill(0);
    leftPositive.fill(0);
    const order = orders[f]!;
    for (let r = 0; r < order.length; r++) {
      const i = order[r]!;
      const j = nodeOf[i]!;
      if (j < 0 || !open[j]) continue;
      const v = column[i]!;
      const node = level[j]!;
      const lRows = leftRows[j]!;
      if (lRows >= minLeaf && node.rows - lRows >= minLeaf && v > last[j]!) {
        const lTotal = leftTotal[j]!;
        const lPos = leftPositive[j]!;
        const score =
          nodeScore(lTotal, lPos, classWeight) +
          nodeScore(node.total - lTotal, node.positive - lPos, classWeight);
        if (score < best[j]!.score) {
          const mid = (last[j]! + v) / 2;
          best[j] = {
            score,
            feature: f,
            threshold: mid < v ? mid : last[j]!,
            leftRows: lRows,
            leftTotal: lTotal,
            leftPositive: lPos,
          };
        }
      }
      leftRows[j] = lRows + 1;
      leftTotal[j]! += weights[i]!;
      if (target[i] === 1) leftPositive[j]! += weights[i]!;
      last[j] = v;
    }
  });
  return best.map((candidate) => (candidate !== undefined && candidate.feature >= 0 ? candidate : undefined));
}

import { describe, expect, it } from 'vitest';
import {
  clusterRule,
  fitDecisionTree,
  gini,
  roundThreshold,
  sortedOrders,
  thresholdStyle,
  treeLeaves,
  type RuleData,
  type TreeNode,
} from '../../src/clusters/index.js';
import { createRandomSource } from '../../src/stats/random-source.js';

/** Rule data that trains on all customers (weights 1). */
function ruleData(
  features: { name: string; unit?: string; values: Float64Array }[],
  labels: Int32Array,
  minLeaf = 20,
): RuleData {
  const columns = features.map((f) => f.values);
  return {
    names: features.map((f) => f.name),
    styles: features.map((f) => thresholdStyle(f.unit, f.values)),
    values: columns,
    labels,
    sample: {
      columns,
      labels,
      weights: new Float64Array(labels.length).fill(1),
      orders: sortedOrders(columns),
    },
    maxDepth: 3,
    minLeaf,
  };
}

describe('Gini impurity', () => {
  it('matches hand computations', () => {
    // 1 − Σ p²: (3, 1) → 1 − 9/16 − 1/16 = 0.375; (5, 5) → 0.5; (4, 0) → 0; (1, 1, 1) → 1 − 3/9 = 2/3.
    expect(gini([3, 1])).toBe(0.375);
    expect(gini([5, 5])).toBe(0.5);
    expect(gini([4, 0])).toBe(0);
    expect(gini([1, 1, 1])).toBeCloseTo(2 / 3, 15);
    expect(gini([0, 0])).toBe(0);
  });
});

describe('CART tree', () => {
  it('splits 1..6 with classes 000111 at 3.5 into two pure leaves', () => {
    const tree = fitDecisionTree([Float64Array.of(1, 2, 3, 4, 5, 6)], Uint8Array.of(0, 0, 0, 1, 1, 1));
    expect(tree.split?.threshold).toBe(3.5);
    expect(tree.split?.left.positive).toBe(0);
    expect(tree.split?.right.positive).toBe(3);
    expect(tree.split?.left.split).toBeUndefined();
  });

  it('takes the lowest threshold among equally good splits (hand: x = 1..4, classes 0101)', () => {
    // Balanced weights, 0.25 per row. Weighted Gini W·(1 − p² − q²) = 2ab/(a + b) per child:
    //   t = 1.5: {0} → 0;          {1,0,1}: 2·0.25·0.5/0.75 = 1/3  → 1/3
    //   t = 2.5: {0,1} → 0.25;     {0,1} → 0.25                   → 1/2
    //   t = 3.5: {0,1,0} → 1/3;    {1} → 0                        → 1/3
    // Root: 2·0.5·0.5/1 = 1/2. Best 1/3, tied: the lower threshold 1.5 wins.
    const tree = fitDecisionTree([Float64Array.of(1, 2, 3, 4)], Uint8Array.of(0, 1, 0, 1), { maxDepth: 1 });
    expect(tree.split?.threshold).toBe(1.5);
  });

  it('respects the depth limit and the minimum leaf size', () => {
    const random = createRandomSource(3);
    const x = Float64Array.from({ length: 500 }, () => random());
    const y = Float64Array.from({ length: 500 }, () => random());
    const target = Uint8Array.from(x, (v, i) => (Math.sin(12 * v) + Math.cos(9 * y[i]!) > 0.3 ? 1 : 0));
    const tree = fitDecisionTree([x, y], target, { maxDepth: 2, minLeaf: 40 });
    const leaves = treeLeaves(tree);
    const depth = (node: TreeNode): number =>
      node.split ? 1 + Math.max(depth(node.split.left), depth(node.split.right)) : 0;
    expect(depth(tree)).toBeLessThanOrEqual(2);
    expect(leaves.length).toBeGreaterThan(1);
    for (const { leaf } of leaves) expect(leaf.rows).toBeGreaterThanOrEqual(40);
    expect(leaves.reduce((sum, { leaf }) => sum + leaf.rows, 0)).toBe(500);
  });
});

describe('rounding thresholds into the user’s units', () => {
  it('chooses the style from the values and the unit', () => {
    expect(thresholdStyle('days', Float64Array.of(1, 5, 40))).toBe('integer');
    expect(thresholdStyle(undefined, Float64Array.of(1, 5, 40))).toBe('integer');
    expect(thresholdStyle('days', Float64Array.of(1.5, 5))).toBe('whole');
    expect(thresholdStyle('currency', Float64Array.of(10.99, 5))).toBe('significant');
  });

  it('rounds as documented', () => {
    expect(roundThreshold(45.5, 'integer')).toBe(45);
    expect(roundThreshold(12.6, 'whole')).toBe(13);
    expect(roundThreshold(1234.5, 'significant')).toBe(1200);
    expect(roundThreshold(0.1534, 'significant')).toBe(0.15);
    expect(roundThreshold(1234.5, 'significant', 1)).toBe(1230);
  });
});

describe('cluster rules', () => {
  const n = 4000;
  const random = createRandomSource(45);
  const recency = Float64Array.from({ length: n }, () => Math.floor(random() * 366));
  const orders = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 15));
  const features = [
    { name: 'recency_days', unit: 'days', values: recency },
    { name: 'orders', unit: 'count', values: orders },
  ];
  // The truth: cluster 1 = recency ≤ 45 and orders ≥ 6; everyone else is cluster 0.
  const labels = Int32Array.from(recency, (r, i) => (r <= 45 && orders[i]! >= 6 ? 1 : 0));

  it('recovers "recency_days ≤ 45 and orders ≥ 6" exactly, with fidelity and precision 1', () => {
    const rule = clusterRule(1, ruleData(features, labels));
    expect(rule.conditions).toHaveLength(2);
    expect(rule.conditions).toEqual(
      expect.arrayContaining([
        { feature: 'recency_days', op: '<=', value: 45 },
        { feature: 'orders', op: '>', value: 5 },
      ]),
    );
    expect(rule.rule.split(' and ').sort()).toEqual(['orders ≥ 6', 'recency_days ≤ 45']);
    expect(rule.ruleRu.split(' и ').sort()).toEqual(['orders ≥ 6', 'recency_days ≤ 45']);
    expect(rule.fidelity).toBe(1);
    expect(rule.precision).toBe(1);
  });

  it('describes the complement with one leaf: every customer it names is right, not every one is named', () => {
    // "recency > 45 or orders ≤ 5" is a disjunction; a single leaf holds only one side of it.
    const rule = clusterRule(0, ruleData(features, labels));
    expect(rule.precision).toBe(1);
    expect(rule.fidelity).toBeLessThan(1);
    expect(rule.fidelity).toBeGreaterThan(0.5);
  });

  it('rounds money to two significant digits and measures the rule as printed', () => {
    const revenue = Float64Array.from({ length: n }, () => Math.round(random() * 300_000) / 100);
    const spenders = Int32Array.from(revenue, (r) => (r > 1234.5 ? 1 : 0));
    const rule = clusterRule(1, ruleData([{ name: 'revenue', unit: 'currency', values: revenue }], spenders));
    expect(rule.conditions).toEqual([{ feature: 'revenue', op: '>', value: 1200 }]);
    expect(rule.rule).toBe('revenue > 1200');
    // Everyone above 1234.5 is above 1200; the customers in (1200, 1234.5] are named but not in the cluster.
    const named = revenue.filter((r) => r > 1200).length;
    const members = revenue.filter((r) => r > 1234.5).length;
    expect(rule.fidelity).toBe(1);
    expect(rule.precision).toBe(members / named);
    expect(rule.precision).toBeLessThan(1);
  });

  it('isolates a small cluster (2 % of customers)', () => {
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const small = Int32Array.from(x, (v) => (v >= 3920 ? 1 : 0));
    const rule = clusterRule(1, ruleData([{ name: 'x', values: x }], small));
    expect(rule.rule).toBe('x ≥ 3920');
    expect([rule.fidelity, rule.precision]).toEqual([1, 1]);
  });

  it('says "all customers" when nothing separates the cluster', () => {
    const constant = new Float64Array(100).fill(3);
    const halves = Int32Array.from({ length: 100 }, (_, i) => i % 2);
    const rule = clusterRule(1, ruleData([{ name: 'x', values: constant }], halves, 5));
    expect(rule.conditions).toEqual([]);
    expect([rule.rule, rule.ruleRu]).toEqual(['all customers', 'все клиенты']);
    expect(rule.fidelity).toBe(1);
    expect(rule.precision).toBe(0.5);
  });
});

/**
 * Gini impurity 1 − Σ p_c² of a node whose classes carry the given weights (counts, or weighted counts), the
 * splitting criterion of CART (Breiman, Friedman, Olshen & Stone 1984, "Classification and Regression Trees",
 * §4.3). 0 for a pure or empty node.
 *
 * @example gini([3, 1]); // 1 − (3/4)² − (1/4)² = 0.375
 */
export function gini(weights: ArrayLike<number>): number {
  let total = 0;
  for (let c = 0; c < weights.length; c++) total += weights[c]!;
  if (!(total > 0)) return 0;
  let squares = 0;
  for (let c = 0; c < weights.length; c++) squares += (weights[c]! / total) ** 2;
  return 1 - squares;
}

/**
 * Weight × Gini impurity of a two-class node with class weights a and b: (a + b)(1 − p² − q²) = 2ab / (a + b).
 * A split is scored by the sum of this over its two children (lower is better).
 */
export function weightedBinaryGini(a: number, b: number): number {
  const total = a + b;
  return total > 0 ? (2 * a * b) / total : 0;
}

// Public API of automatic customer segments. Everything else in this folder is internal.

// The whole pipeline
export { autoSegments, type AutoSegments } from './auto-segments.js';
export type { SegmentCluster } from './describe-clusters.js';
export { MIN_CUSTOMERS } from './check-features.js';
export { DEFAULT_SEED, type AutoSegmentsOptions } from './segment-options.js';
export { SegmentationError, type SegmentationFailure } from './segmentation-error.js';

// Feature preparation
export {
  prepareFeatures,
  LOG_SKEWNESS,
  type FeatureInput,
  type FeatureTransform,
  type PreparedFeatures,
} from './prepare-features.js';
export { skewness } from './skewness.js';

// Clustering and choosing k
export { kmeans, type KMeansOptions, type KMeansResult } from './kmeans.js';
export { kmeansPlusPlus } from './kmeans-plus-plus.js';
export { lloyd, type KMeansFit, type LloydOptions } from './lloyd.js';
export {
  silhouetteValues,
  silhouetteScore,
  silhouetteBatch,
  silhouetteFromDissimilarities,
} from './silhouette.js';

// Rules and names
export { gini } from './gini.js';
export {
  fitDecisionTree,
  treeLeaves,
  type TreeNode,
  type DecisionTreeOptions,
  type PathCondition,
} from './decision-tree.js';
export { sortedOrders } from './sorted-orders.js';
export { clusterRule, type ClusterRule, type RuleData } from './cluster-rule.js';
export { ruleText, type Condition } from './rule-text.js';
export { thresholdStyle, roundThreshold, type ThresholdStyle } from './threshold-style.js';
export { nameClusters, NAME_THRESHOLD, type ClusterName, type FeatureStanding } from './cluster-name.js';

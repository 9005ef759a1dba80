// Public API of the statistics used to plan and evaluate campaigns. Everything else in this folder is internal.

// Samples
export { summarize, type SampleSummary, type SampleInput } from './summarize.js';
export { summarizePairs, type PairSummary } from './summarize-pairs.js';
export type { ConfidenceInterval, IntervalEstimate } from './interval.js';
export { createRandomSource, type RandomSource } from './random-source.js';

// Tests and estimates of a difference
export { welchTTest, type TTestOptions } from './welch-t-test.js';
export { studentTTest } from './student-t-test.js';
export type { MeanDifferenceTest } from './mean-difference.js';
export { twoProportionTest, type Proportion, type TwoProportionTest } from './two-proportion-test.js';
export { relativeLift, type RelativeLift } from './relative-lift.js';
export {
  bootstrapMeanDifference,
  type BootstrapOptions,
  type BootstrapInterval,
} from './bootstrap-mean-difference.js';
export { holmAdjust } from './holm-adjust.js';
export { sampleRatioMismatch, type SampleRatioCheck } from './sample-ratio-mismatch.js';

// Pre-period adjustment
export { cuped, type CupedResult, type PrePostSample } from './cuped.js';
export { differenceInDifferences, type DifferenceInDifferences } from './difference-in-differences.js';

// Money
export { incrementalEffect } from './incremental-effect.js';
export { returnOnInvestment, type RoiInput } from './return-on-investment.js';
export { funnelRatios, type FunnelCounts, type FunnelRatios } from './funnel-ratios.js';

// Planning
export {
  powerTwoProportions,
  powerMeanDifference,
  type TestDesign,
  type ProportionPowerInput,
  type MeanPowerInput,
} from './power.js';
export {
  sampleSizeTwoProportions,
  sampleSizeMeanDifference,
  type PlanTarget,
  type SampleSizePlan,
} from './sample-size.js';
export {
  minimumDetectableEffectTwoProportions,
  minimumDetectableEffectMeanDifference,
  type GroupSizes,
  type ProportionMde,
} from './minimum-detectable-effect.js';

// Evaluation
export {
  evaluateCampaign,
  type EvaluateCampaignOptions,
  type CampaignEvaluation,
  type ArmOutcome,
  type ArmComparison,
} from './evaluate-campaign.js';
export type { CampaignArm } from './campaign-arm.js';

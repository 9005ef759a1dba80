import { InputError } from '../errors.js';
import { bootstrapMeanDifference, type BootstrapInterval } from './bootstrap-mean-difference.js';
import { prepareArm, type CampaignArm, type PreparedArm } from './campaign-arm.js';
import { checkLevel, checkUnitInterval } from './checks.js';
import { cupedFromSummaries, type CupedResult } from './cuped.js';
import { didFromSummaries, type DifferenceInDifferences } from './difference-in-differences.js';
import { holmAdjust } from './holm-adjust.js';
import { incrementalEffect } from './incremental-effect.js';
import type { IntervalEstimate } from './interval.js';
import type { MeanDifferenceTest } from './mean-difference.js';
import { createRandomSource, type RandomSource } from './random-source.js';
import { relativeLift, type RelativeLift } from './relative-lift.js';
import { returnOnInvestment } from './return-on-investment.js';
import { sampleRatioMismatch, type SampleRatioCheck } from './sample-ratio-mismatch.js';
import { twoProportionTest, type TwoProportionTest } from './two-proportion-test.js';
import { welchFromSummaries } from './welch-t-test.js';

export interface EvaluateCampaignOptions {
  /** Confidence level of every interval; default 0.95. */
  confidence?: number;
  /** Gross margin applied to incremental revenue in the ROI; default 1 (ROI on revenue). */
  margin?: number;
  /** Planned share of customers per arm name (any scale); default equal shares. */
  plannedSplit?: Readonly<Record<string, number>>;
  /** Threshold of the sample-ratio check; default 0.001. */
  srmThreshold?: number;
  /** Bootstrap replicates for the revenue check; default 2000, 0 to skip. */
  bootstrapReplicates?: number;
  /** Uniforms in [0, 1) for the bootstrap; default `createRandomSource(seed)`. */
  random?: RandomSource;
  /** Seed of the default random source; default 1. */
  seed?: number;
}

export interface ArmOutcome {
  name: string;
  customers: number;
  conversions: number;
  conversionRate: number;
  revenue: number;
  revenuePerCustomer: number;
  cost: number | null;
}

export interface ArmComparison {
  arm: string;
  control: string;
  conversion: {
    test: TwoProportionTest;
    /** Holm-adjusted over the treatment arms' conversion p-values. */
    pValueHolm: number | null;
    relativeLift: RelativeLift;
    /** Difference in conversion rate × treated customers. */
    incremental: IntervalEstimate;
  };
  revenuePerCustomer: {
    test: MeanDifferenceTest;
    /** Holm-adjusted over the treatment arms' revenue p-values. */
    pValueHolm: number | null;
    relativeLift: RelativeLift;
    /** Difference in revenue per customer × treated customers. */
    incremental: IntervalEstimate;
    bootstrap: BootstrapInterval | null;
    cuped: CupedResult | null;
    differenceInDifferences: DifferenceInDifferences | null;
  };
  /** (incremental revenue × margin − cost) / cost; null without a cost for the arm. */
  roi: IntervalEstimate | null;
}

export interface CampaignEvaluation {
  control: string;
  confidence: number;
  margin: number;
  arms: ArmOutcome[];
  comparisons: ArmComparison[];
  sampleRatio: SampleRatioCheck;
  methods: Record<
    'conversion' | 'revenue' | 'multiplicity' | 'bootstrap' | 'preperiod' | 'sampleRatio',
    string
  >;
}

const METHODS: CampaignEvaluation['methods'] = {
  conversion: 'two-proportion z-test: p-value from the pooled standard error, interval unpooled Wald',
  revenue: 'Welch t-test of revenue per customer (Welch–Satterthwaite df)',
  multiplicity: 'Holm–Bonferroni within each metric over the treatment arms',
  bootstrap: 'percentile and BCa intervals, resampling each arm separately (seeded)',
  preperiod: 'CUPED with pooled within-arm theta; difference-in-differences on per-customer changes',
  sampleRatio: "Pearson's chi-square goodness of fit of arm sizes against the planned split",
};

/**
 * Evaluates a randomized campaign: for every treatment arm against the control arm, conversion (two-proportion
 * z-test) and revenue per customer (Welch t-test) differences with intervals and p-values, relative lifts
 * (Fieller), incremental conversions and revenue (difference × treated customers), ROI from the arm's cost,
 * Holm-adjusted p-values when there are several treatment arms, a seeded bootstrap interval for revenue as a
 * check, CUPED and difference-in-differences when every arm has pre-period revenue, and a sample-ratio check.
 * Each method is documented on its own function. Results are plain JSON: no NaN or Infinity, `null` instead.
 * Preconditions: ≥ 2 arms with distinct names, one of them `control`; each arm ≥ 2 customers, `converted`
 * 0/1, finite revenue, arrays of equal length (throws `InputError` otherwise).
 */
export function evaluateCampaign(
  arms: readonly CampaignArm[],
  control: string,
  options: EvaluateCampaignOptions = {},
): CampaignEvaluation {
  const confidence = checkLevel('confidence', options.confidence ?? 0.95);
  const margin = checkUnitInterval('margin', options.margin ?? 1);
  const prepared = checkArms(arms, control).map(prepareArm);
  const base = prepared.find((a) => a.name === control) as PreparedArm;
  const treated = prepared.filter((a) => a.name !== control);
  const withPre = prepared.every((a) => a.prePost !== null);
  const replicates = options.bootstrapReplicates ?? 2000;
  const random = options.random ?? createRandomSource(options.seed ?? 1);

  const comparisons = treated.map((arm): ArmComparison => {
    const conversion = twoProportionTest(
      { successes: arm.conversions, trials: arm.customers },
      { successes: base.conversions, trials: base.customers },
      { confidence },
    );
    const revenue = welchFromSummaries(arm.revenueSummary, base.revenueSummary, confidence);
    const incrementalRevenue = incrementalEffect(revenue, arm.customers);
    const prePost =
      withPre && arm.prePost !== null && base.prePost !== null
        ? ([arm.prePost, base.prePost] as const)
        : null;
    return {
      arm: arm.name,
      control,
      conversion: {
        test: conversion,
        pValueHolm: null,
        relativeLift: relativeLift(arm.converted, base.converted, { confidence }),
        incremental: incrementalEffect(conversion, arm.customers),
      },
      revenuePerCustomer: {
        test: revenue,
        pValueHolm: null,
        relativeLift: relativeLift(arm.revenueSummary, base.revenueSummary, { confidence }),
        incremental: incrementalRevenue,
        bootstrap:
          replicates === 0
            ? null
            : bootstrapMeanDifference(arm.revenue, base.revenue, { random, replicates, confidence }),
        cuped: prePost === null ? null : cupedFromSummaries(prePost[0], prePost[1], confidence),
        differenceInDifferences:
          prePost === null ? null : didFromSummaries(prePost[0], prePost[1], confidence),
      },
      roi:
        arm.cost === null || arm.cost === 0
          ? null
          : returnOnInvestment({ incrementalRevenue, margin, cost: arm.cost }),
    };
  });

  applyHolm(comparisons.map((c) => c.conversion));
  applyHolm(comparisons.map((c) => c.revenuePerCustomer));

  const weights = plannedWeights(prepared, options.plannedSplit);
  return {
    control,
    confidence,
    margin,
    arms: prepared.map(outcome),
    comparisons,
    sampleRatio: sampleRatioMismatch(
      prepared.map((a) => a.customers),
      weights,
      options.srmThreshold === undefined ? {} : { threshold: options.srmThreshold },
    ),
    methods: { ...METHODS },
  };
}

function checkArms(arms: readonly CampaignArm[], control: string): readonly CampaignArm[] {
  if (arms.length < 2)
    throw new InputError(`a campaign needs a control arm and at least one other, got ${arms.length}`);
  const names = new Set<string>();
  for (const arm of arms) {
    if (arm.name === '' || names.has(arm.name))
      throw new InputError(`arm names must be distinct and non-empty: "${arm.name}"`);
    names.add(arm.name);
  }
  if (!names.has(control))
    throw new InputError(`control arm "${control}" is not among the arms: ${[...names].join(', ')}`);
  return arms;
}

function plannedWeights(arms: PreparedArm[], split: Readonly<Record<string, number>> | undefined): number[] {
  if (split === undefined) return arms.map(() => 1);
  for (const name of Object.keys(split)) {
    if (!arms.some((a) => a.name === name))
      throw new InputError(`plannedSplit names an unknown arm "${name}"`);
  }
  return arms.map((a) => {
    const w = split[a.name];
    if (w === undefined) throw new InputError(`plannedSplit has no share for arm "${a.name}"`);
    return w;
  });
}

/** Holm over the available p-values of one metric; arms without a p-value keep `null`. */
function applyHolm(entries: { test: { pValue: number | null }; pValueHolm: number | null }[]): void {
  const present = entries.filter((e) => e.test.pValue !== null);
  const adjusted = holmAdjust(present.map((e) => e.test.pValue as number));
  present.forEach((e, i) => (e.pValueHolm = adjusted[i] ?? null));
}

function outcome(arm: PreparedArm): ArmOutcome {
  return {
    name: arm.name,
    customers: arm.customers,
    conversions: arm.conversions,
    conversionRate: arm.conversions / arm.customers,
    revenue: arm.revenueTotal,
    revenuePerCustomer: arm.revenueSummary.mean,
    cost: arm.cost,
  };
}

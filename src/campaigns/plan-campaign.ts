import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import { resolveAsOf } from '../profile/as-of.js';
import {
  minimumDetectableEffectMeanDifference,
  minimumDetectableEffectTwoProportions,
  sampleSizeMeanDifference,
  sampleSizeTwoProportions,
  type SampleSizePlan,
} from '../stats/index.js';
import { parseShare } from './campaign-options.js';
import { controlCount } from './control-group.js';
import { parseMde, parseMetric } from './plan-options.js';
import { describeHistoryBasis } from './history-basis.js';
import { describePlanMethod, describePlanVerdict } from './plan-verdict.js';
import { segmentHistory, type SegmentHistory } from './segment-history.js';
import { selectSegment } from './segment-selection.js';
import type { Lang } from './text-numbers.js';

export type PlanMetric = 'conversion' | 'revenue';

export interface PlanOptions {
  segment: string;
  /** conversion (share of members who buy) or revenue (net revenue per member); default conversion. */
  metric?: string;
  /** Effect to detect: absolute (`0.01` = 1 point of conversion, `150` per member) or relative (`10%`). */
  mde?: string;
  /** Control share; default 0.1. */
  control?: number | string;
  /** Window length in days; default 30. */
  windowDays?: number;
  asOf?: string;
  /** Desired power; default 0.8. */
  power?: number;
  /** The language of `verdict`, `method` and `history.basis`; default English (the CLI's). */
  lang?: Lang;
}

/** What `clientele campaign plan --json` prints. */
export interface CampaignPlan {
  segment: string;
  as_of: string;
  customers: number;
  control_share: number;
  controls: number;
  targets: number;
  metric: PlanMetric;
  window_days: number;
  history: SegmentHistory;
  /** Conversion rate or revenue mean per member in the history window. */
  baseline: number | null;
  /** Revenue standard deviation per member (revenue only). */
  standard_deviation: number | null;
  alpha: number;
  power: number;
  /** The effect asked for with --mde, absolute and relative to the baseline. */
  mde: { absolute: number; relative: number | null } | null;
  /** Customers needed for that effect at the planned split. */
  sample_size: SampleSizePlan | null;
  /** The smallest effect the planned split detects with this power. */
  detectable: { absolute: number; relative: number | null } | null;
  /** Whether the segment reaches the sample size (null without --mde or without a usable baseline). */
  large_enough: boolean | null;
  verdict: string;
  method: string;
}

const ALPHA = 0.05;

/**
 * Plans a campaign on a segment: its size now, its baseline from its own history in a past window of the same
 * length (`segmentHistory`), and the sample size for an effect (`sampleSizeTwoProportions` /
 * `sampleSizeMeanDifference`, ratio = targets per control) or the minimum detectable effect of the planned split
 * (`minimumDetectableEffect*`), two-sided at the 5 % level, and whether the segment is large enough.
 */
export async function planCampaign(ws: Workspace, options: PlanOptions): Promise<CampaignPlan> {
  const metric = parseMetric(options.metric ?? 'conversion');
  const share = parseShare(options.control ?? 0.1);
  const power = options.power ?? 0.8;
  if (!(power > 0 && power < 1))
    throw new InputError(`${field('power')} must be between 0 and 1, e.g. 0.8; got ${power}.`);
  const days = options.windowDays ?? 30;
  const asOf = await resolveAsOf(ws, options.asOf);
  const selection = await selectSegment(ws, options.segment, asOf);
  const customers = Number(await ws.scalar(`SELECT count(*) FROM (${selection.sql})`, selection.params));
  if (customers === 0) {
    throw new InputError(`No customer matches the segment "${selection.segment.text}" as of ${asOf}.`);
  }
  const controls = controlCount(share, customers);
  const targets = customers - controls;
  const history = await segmentHistory(ws, selection.segment, asOf, days);
  const baseline = metric === 'conversion' ? history.conversion_rate : history.revenue_mean;
  const sd = metric === 'revenue' ? history.revenue_sd : null;
  const usable =
    baseline !== null &&
    (metric === 'conversion' ? baseline > 0 && baseline < 1 : sd !== null && sd > 0) &&
    controls >= 1 &&
    targets >= 1 &&
    customers > 2;
  const mde = options.mde === undefined ? null : parseMde(options.mde, baseline);
  const ratio = (1 - share) / share;
  let sampleSize: SampleSizePlan | null = null;
  let detectable: CampaignPlan['detectable'] = null;
  if (usable) {
    const b = baseline as number;
    const relative = (absolute: number): number | null => (b === 0 ? null : absolute / b);
    if (metric === 'conversion') {
      const m = minimumDetectableEffectTwoProportions({
        baseline: b,
        controlSize: controls,
        treatmentSize: targets,
        power,
        alpha: ALPHA,
      });
      detectable = m === null ? null : { absolute: m.absolute, relative: m.relative };
      if (mde !== null) {
        if (!(b + mde.absolute < 1)) {
          throw new InputError(
            `${field('mde')} ${options.mde} would lift conversion from ${b.toFixed(4)} to ${(b + mde.absolute).toFixed(4)}, beyond 100 %.`,
          );
        }
        sampleSize = sampleSizeTwoProportions({
          baseline: b,
          mde: mde.absolute,
          ratio,
          power,
          alpha: ALPHA,
        });
      }
    } else {
      const standardDeviation = sd as number;
      const d = minimumDetectableEffectMeanDifference({
        standardDeviation,
        controlSize: controls,
        treatmentSize: targets,
        power,
        alpha: ALPHA,
      });
      detectable = { absolute: d, relative: relative(d) };
      if (mde !== null) {
        sampleSize = sampleSizeMeanDifference({
          standardDeviation,
          mde: mde.absolute,
          ratio,
          power,
          alpha: ALPHA,
        });
      }
    }
  }
  const largeEnough =
    sampleSize === null ? null : controls >= sampleSize.control && targets >= sampleSize.treatment;
  const lang = options.lang ?? 'en';
  const plan: Omit<CampaignPlan, 'verdict' | 'method'> = {
    segment: selection.segment.text,
    as_of: asOf,
    customers,
    control_share: share,
    controls,
    targets,
    metric,
    window_days: days,
    history: lang === 'en' ? history : { ...history, basis: describeHistoryBasis(history, asOf, lang) },
    baseline,
    standard_deviation: sd,
    alpha: ALPHA,
    power,
    mde,
    sample_size: sampleSize,
    detectable,
    large_enough: largeEnough,
  };
  return {
    ...plan,
    verdict: describePlanVerdict(plan, usable, lang),
    method: describePlanMethod(plan, lang),
  };
}

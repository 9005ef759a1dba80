import type { IntervalEstimate } from '../stats/index.js';

export interface VerdictInput {
  incrementalRevenue: IntervalEstimate;
  revenuePValue: number | null;
  conversionDifference: number;
  conversionPValue: number | null;
  roi: IntervalEstimate | null;
  cost: number | null;
  sampleRatioMismatch: boolean;
  windowComplete: boolean;
  alpha?: number;
}

/**
 * One or two sentences a marketer can act on: whether the campaign changed revenue (by the Welch test of revenue
 * per customer at the 5 % level), by how much with its 95 % interval, whether it paid for itself, and what makes
 * the result untrustworthy (a sample-ratio mismatch, an incomplete window).
 */
export function verdict(v: VerdictInput, money: (x: number | null) => string): string {
  const alpha = v.alpha ?? 0.05;
  const ir = v.incrementalRevenue;
  const ci = `95 % CI ${money(ir.confidenceInterval.lower)} to ${money(ir.confidenceInterval.upper)}`;
  const parts: string[] = [];
  if (v.sampleRatioMismatch) {
    parts.push(
      'The target and control groups are not in the planned proportion (sample-ratio mismatch): membership or logging is broken, so do not trust the comparison until that is explained.',
    );
  }
  const significant = v.revenuePValue !== null && v.revenuePValue < alpha;
  if (significant && (ir.estimate ?? 0) > 0) {
    parts.push(
      `The campaign brought ${money(ir.estimate)} of incremental revenue (${ci}, p = ${p(v.revenuePValue)}).`,
    );
  } else if (significant) {
    parts.push(
      `The campaign lowered revenue by ${money(-(ir.estimate ?? 0))} (${ci}, p = ${p(v.revenuePValue)}).`,
    );
  } else {
    const conversion =
      v.conversionPValue !== null && v.conversionPValue < alpha
        ? ` Conversion did change (${v.conversionDifference > 0 ? '+' : ''}${(100 * v.conversionDifference).toFixed(2)} points, p = ${p(v.conversionPValue)}), but not enough to move revenue measurably.`
        : '';
    parts.push(
      `No measurable effect on revenue: the estimate of ${money(ir.estimate)} is within chance (${ci}, p = ${p(v.revenuePValue)}).${conversion}`,
    );
  }
  if (v.roi !== null && v.roi.estimate !== null && v.cost !== null) {
    const lower = v.roi.confidenceInterval.lower;
    const upper = v.roi.confidenceInterval.upper;
    const paid =
      lower !== null && lower > 0
        ? 'it paid for itself'
        : upper !== null && upper < 0
          ? 'it did not pay for itself'
          : 'whether it paid for itself is uncertain';
    parts.push(
      `Against a cost of ${money(v.cost)} the ROI is ${pct(v.roi.estimate)} (95 % CI ${pct(lower)} to ${pct(upper)}): ${paid}.`,
    );
  }
  if (!v.windowComplete) parts.push('The window is not complete yet, so this is an interim reading.');
  return parts.join(' ');
}

export function p(value: number | null): string {
  if (value === null) return '—';
  if (value < 1e-4) return value.toExponential(1);
  return value < 0.01 ? value.toFixed(4) : value.toFixed(3);
}

function pct(value: number | null): string {
  return value === null ? '—' : `${(100 * value).toFixed(0)} %`;
}

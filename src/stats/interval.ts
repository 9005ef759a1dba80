/** A confidence interval; a bound is `null` when the data cannot give one (e.g. zero variance in both groups). */
export interface ConfidenceInterval {
  lower: number | null;
  upper: number | null;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/** A point estimate with its confidence interval. */
export interface IntervalEstimate {
  estimate: number | null;
  confidenceInterval: ConfidenceInterval;
}

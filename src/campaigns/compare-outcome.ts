import {
  bootstrapMeanDifference,
  holmAdjust,
  incrementalEffect,
  relativeLift,
  studentTTest,
  summarize,
  twoProportionTest,
  welchTTest,
  type RandomSource,
} from '../stats/index.js';
import type { OutcomeArm, OutcomeComparison, OutcomeResult } from './evaluate-results-file.js';
import type { FileArm } from './results-file-arms.js';

function isBinary(arms: readonly FileArm[], i: number): boolean {
  return arms.every((a) => (a.values[i] as Float64Array).every((v) => v === 0 || v === 1));
}

/**
 * One outcome column of an experiment file: every arm against the control with Welch's and Student's t-tests,
 * the relative lift and the incremental total; 0/1 outcomes add the two-proportion z-test (their primary test),
 * continuous ones a bootstrap interval (Welch primary); Holm over the arms on the primary p-values.
 */
export function compareOutcome(
  column: string,
  i: number,
  arms: readonly FileArm[],
  control: FileArm,
  replicates: number,
  random: RandomSource,
): OutcomeResult {
  const binary = isBinary(arms, i);
  const describe = (a: FileArm): OutcomeArm => {
    const v = a.values[i] as Float64Array;
    const total = v.reduce((s, x) => s + x, 0);
    return {
      group: a.group,
      customers: v.length,
      mean: total / v.length,
      total,
      successes: binary ? total : null,
    };
  };
  const y = control.values[i] as Float64Array;
  const base = describe(control);
  const comparisons = arms
    .filter((a) => a !== control)
    .map((a): OutcomeComparison => {
      const x = a.values[i] as Float64Array;
      const sx = summarize(x, `${column} of "${a.group}"`);
      const sy = summarize(y, `${column} of "${control.group}"`);
      const welch = welchTTest(sx, sy);
      const proportion = binary
        ? twoProportionTest(
            { successes: describe(a).total, trials: x.length },
            { successes: base.total, trials: y.length },
          )
        : null;
      const incremental = incrementalEffect(proportion ?? welch, x.length);
      return {
        arm: a.group,
        control: control.group,
        difference: sx.mean - sy.mean,
        relative_lift: relativeLift(sx, sy),
        incremental: {
          estimate: incremental.estimate,
          lower: incremental.confidenceInterval.lower,
          upper: incremental.confidenceInterval.upper,
        },
        welch,
        student: studentTTest(sx, sy),
        proportion,
        bootstrap: binary || replicates === 0 ? null : bootstrapMeanDifference(x, y, { random, replicates }),
        p_value: proportion ? proportion.pValue : welch.pValue,
        p_value_holm: null,
      };
    });
  const tested = comparisons.filter((c) => c.p_value !== null);
  holmAdjust(tested.map((c) => c.p_value as number)).forEach((p, k) => {
    (tested[k] as OutcomeComparison).p_value_holm = p;
  });
  return {
    column,
    kind: binary ? 'binary' : 'continuous',
    primary_test: binary ? 'two-proportion z-test' : 'Welch t-test',
    arms: arms.map(describe),
    comparisons,
  };
}

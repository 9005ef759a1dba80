export interface OptimizeResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface NelderMeadOptions {
  /** Initial simplex edge along each coordinate. */
  readonly step: number;
  readonly maxEvaluations: number;
  /** Stop when the simplex's function values span less than this times (1 + |best|)... */
  readonly fTolerance: number;
  /** ...and its vertices lie within this distance of the best one in every coordinate. */
  readonly xTolerance: number;
  /** Stop as soon as the best vertex has a coordinate beyond ±bound (a parameter running off). */
  readonly bound: number;
}

/**
 * Minimizes f by the Nelder-Mead simplex method (Nelder & Mead 1965; standard coefficients 1, 2, ½, ½ as in
 * Lagarias et al. 1998). Non-finite values count as +Infinity, so the simplex backs away from them.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  options: NelderMeadOptions,
): OptimizeResult {
  const d = x0.length;
  const value = (x: Float64Array): number => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const points: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < d; i++) {
    const p = Float64Array.from(x0);
    p[i] = p[i]! + options.step;
    points.push(p);
  }
  const values = points.map(value);
  let evaluations = d + 1;
  let iterations = 0;
  const order = points.map((_, i) => i);
  const centroid = new Float64Array(d);
  const along = (t: number): Float64Array => {
    const worst = points[order[d]!]!;
    const p = new Float64Array(d);
    for (let j = 0; j < d; j++) p[j] = centroid[j]! + t * (worst[j]! - centroid[j]!);
    return p;
  };
  const replaceWorst = (p: Float64Array, v: number): void => {
    points[order[d]!] = p;
    values[order[d]!] = v;
  };

  let converged = false;
  while (evaluations < options.maxEvaluations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = points[order[0]!]!;
    const fBest = values[order[0]!]!;
    const fWorst = values[order[d]!]!;
    let spread = 0;
    for (let i = 1; i <= d; i++) {
      const p = points[order[i]!]!;
      for (let j = 0; j < d; j++) spread = Math.max(spread, Math.abs(p[j]! - best[j]!));
    }
    if (fWorst - fBest <= options.fTolerance * (1 + Math.abs(fBest)) && spread <= options.xTolerance) {
      converged = true;
      break;
    }
    if (best.some((v) => Math.abs(v) > options.bound)) break;
    iterations++;
    centroid.fill(0);
    for (let i = 0; i < d; i++) {
      const p = points[order[i]!]!;
      for (let j = 0; j < d; j++) centroid[j] = centroid[j]! + p[j]! / d;
    }
    const fSecond = values[order[d - 1]!]!;
    const reflected = along(-1);
    const fReflected = value(reflected);
    evaluations++;
    if (fReflected < fBest) {
      const expanded = along(-2);
      const fExpanded = value(expanded);
      evaluations++;
      if (fExpanded < fReflected) replaceWorst(expanded, fExpanded);
      else replaceWorst(reflected, fReflected);
    } else if (fReflected < fSecond) {
      replaceWorst(reflected, fReflected);
    } else {
      const outside = fReflected < fWorst;
      const contracted = along(outside ? -0.5 : 0.5);
      const fContracted = value(contracted);
      evaluations++;
      if (fContracted < (outside ? fReflected : fWorst)) {
        replaceWorst(contracted, fContracted);
      } else {
        for (let i = 1; i <= d; i++) {
          const p = points[order[i]!]!;
          for (let j = 0; j < d; j++) p[j] = best[j]! + 0.5 * (p[j]! - best[j]!);
          values[order[i]!] = value(p);
        }
        evaluations += d;
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: points[bestIndex]!, f: values[bestIndex]!, iterations, converged };
}

import type { OptimizeResult } from './nelder-mead.js';

export interface BfgsOptions {
  readonly maxIterations: number;
  /** Converged when every gradient component is below this. */
  readonly gradientTolerance: number;
  /** Largest move of any coordinate in one line search. */
  readonly maxStep: number;
  /** Stop as soon as a coordinate is beyond ±bound (a parameter running off). */
  readonly bound: number;
}

/**
 * Minimizes f with the BFGS quasi-Newton method (Nocedal & Wright 2006, algorithm 6.1) and a backtracking
 * Armijo line search with quadratic interpolation. `fg(x, g)` returns f(x) and writes its gradient into g; the
 * line search calls only f. Stops when the gradient is below tolerance, or when f stops decreasing.
 */
export function bfgs(
  f: (x: Float64Array) => number,
  fg: (x: Float64Array, g: Float64Array) => number,
  x0: Float64Array,
  options: BfgsOptions,
): OptimizeResult & { readonly gradient: Float64Array } {
  const d = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let g = new Float64Array(d);
  let fx = fg(x, g);
  const H = identity(d);
  let scaled = false;
  let iterations = 0;
  let converged = false;
  if (!Number.isFinite(fx)) return { x, f: fx, iterations, converged, gradient: g };
  let stalled = 0;
  const direction = new Float64Array(d);
  while (iterations < options.maxIterations) {
    if (maxAbs(g) <= options.gradientTolerance) {
      converged = true;
      break;
    }
    if (maxAbs(x) > options.bound) break;
    iterations++;
    let slope = 0;
    for (let i = 0; i < d; i++) {
      let v = 0;
      for (let j = 0; j < d; j++) v -= H[i * d + j]! * g[j]!;
      direction[i] = v;
      slope += v * g[i]!;
    }
    if (!(slope < 0)) {
      H.set(identity(d));
      for (let i = 0; i < d; i++) direction[i] = -g[i]!;
      slope = -dot(g, g);
    }
    const step = lineSearch(f, x, fx, slope, direction, options.maxStep);
    if (step === undefined) {
      if (isIdentity(H)) break;
      H.set(identity(d));
      continue;
    }
    const gNew = new Float64Array(d);
    const fNew = fg(step.x, gNew);
    const s = new Float64Array(d);
    const y = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      s[i] = step.x[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        H.set(identity(d, sy / dot(y, y)));
        scaled = true;
      }
      update(H, s, y, sy);
    }
    stalled = fx - fNew <= 1e-15 * Math.abs(fx) ? stalled + 1 : 0;
    x = step.x;
    g = gNew;
    fx = fNew;
    if (stalled >= 3) break;
  }
  return { x, f: fx, iterations, converged, gradient: g };
}

function lineSearch(
  f: (x: Float64Array) => number,
  x: Float64Array,
  fx: number,
  slope: number,
  direction: Float64Array,
  maxStep: number,
): { x: Float64Array } | undefined {
  const d = x.length;
  let t = Math.min(1, maxStep / maxAbs(direction));
  for (let tries = 0; tries < 60; tries++) {
    const xNew = new Float64Array(d);
    for (let i = 0; i < d; i++) xNew[i] = x[i]! + t * direction[i]!;
    const fNew = f(xNew);
    if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * t * slope) return { x: xNew };
    const quadratic = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : 0.1 * t;
    t = Math.min(0.5 * t, Math.max(0.1 * t, quadratic));
  }
  return undefined;
}

function update(H: Float64Array, s: Float64Array, y: Float64Array, sy: number): void {
  const d = s.length;
  const Hy = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let v = 0;
    for (let j = 0; j < d; j++) v += H[i * d + j]! * y[j]!;
    Hy[i] = v;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const k = i * d + j;
      H[k] = H[k]! + ((sy + yHy) * s[i]! * s[j]!) / (sy * sy) - (Hy[i]! * s[j]! + s[i]! * Hy[j]!) / sy;
    }
  }
}

function identity(d: number, scale = 1): Float64Array {
  const I = new Float64Array(d * d);
  for (let i = 0; i < d; i++) I[i * d + i] = scale;
  return I;
}

function isIdentity(H: Float64Array): boolean {
  const d = Math.round(Math.sqrt(H.length));
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) if (H[i * d + j] !== (i === j ? 1 : 0)) return false;
  return true;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

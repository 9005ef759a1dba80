import { bfgs } from './bfgs.js';
import { ModelFitError } from './model-fit-error.js';
import { nelderMead } from './nelder-mead.js';
import { centralGradient, inverseSpd, numericalHessian } from './numerical-derivatives.js';

/** A likelihood over positive parameters θ, on data already prepared for it. */
export interface LikelihoodSpec<D> {
  readonly label: string;
  readonly paramNames: readonly string[];
  /** Total (weighted) log-likelihood; NaN or −Infinity where it cannot be evaluated. */
  logLikelihood(theta: Float64Array, data: D): number;
  /** Optional analytic gradient: writes ∂LL/∂θ into grad and returns LL. */
  gradient?(theta: Float64Array, data: D, grad: Float64Array): number;
  /** Deterministic starting points, scaled to the data. */
  starts(data: D): Float64Array[];
}

export interface MleOptions {
  /** L2 penalty c: minimizes −LL/n + c·Σθ² (lifetimes' `penalizer_coef`). Default 0. */
  readonly penalty?: number;
  /** Starting points (natural parameters) replacing the model's defaults. */
  readonly starts?: readonly Float64Array[];
  /** Maximum BFGS iterations. Default 200. */
  readonly maxIterations?: number;
}

export interface MleResult {
  readonly theta: Float64Array;
  readonly loglik: number;
  readonly stdErrors: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
}

const LOG_BOUND = 30;
const DIVERGED = 18;

/**
 * Maximum likelihood in φ = ln θ: Nelder-Mead from every starting point (on `explore`, a smaller stand-in for
 * the data when there is one), BFGS from the best simplex result on the full data, then standard errors from
 * the inverse numerical Hessian of −LL in φ, mapped to θ by the delta method (SE(θ) = θ·SE(φ)).
 * Throws `ModelFitError` when no start gives a finite likelihood, a parameter runs off to 0 or ∞, or the
 * Hessian is not positive definite.
 */
export function fitMaximumLikelihood<D>(
  spec: LikelihoodSpec<D>,
  data: D,
  customers: number,
  options: MleOptions = {},
  explore: { data: D; customers: number } = { data, customers },
): MleResult {
  const penalty = options.penalty ?? 0;
  const d = spec.paramNames.length;
  const objective = (target: D, n: number) => {
    const theta = new Float64Array(d);
    return (phi: Float64Array): number => {
      let p = 0;
      for (let j = 0; j < d; j++) {
        if (!(Math.abs(phi[j]!) <= LOG_BOUND)) return Infinity;
        theta[j] = Math.exp(phi[j]!);
        p += theta[j]! * theta[j]!;
      }
      const ll = spec.logLikelihood(theta, target);
      return Number.isFinite(ll) ? -ll / n + penalty * p : Infinity;
    };
  };
  const fExplore = objective(explore.data, explore.customers);
  const f = objective(data, customers);
  const fg = gradientOf(spec, data, customers, penalty, f);

  let best: { x: Float64Array; f: number } | undefined;
  let iterations = 0;
  for (const start of options.starts ?? spec.starts(data)) {
    const phi0 = start.map(Math.log);
    const run = nelderMead(fExplore, phi0, {
      step: 0.5,
      maxEvaluations: 150 * d,
      fTolerance: 1e-8,
      xTolerance: 1e-3,
      bound: DIVERGED + 1,
    });
    iterations += run.iterations;
    if (Number.isFinite(run.f) && (best === undefined || run.f < best.f)) best = run;
  }
  if (best === undefined) {
    throw new ModelFitError(
      'non-finite-likelihood',
      `the ${spec.label} log-likelihood is not finite at any starting point, so these data cannot be fitted`,
    );
  }
  const polished = bfgs(f, fg, best.x, {
    maxIterations: options.maxIterations ?? 200,
    gradientTolerance: 1e-8,
    maxStep: 2,
    bound: DIVERGED + 1,
  });
  iterations += polished.iterations;
  const phi = polished.x;
  const theta = phi.map(Math.exp);
  const loglik = spec.logLikelihood(theta, data);
  if (!Number.isFinite(loglik)) {
    throw new ModelFitError(
      'non-finite-likelihood',
      `the ${spec.label} log-likelihood is not finite at the optimum`,
    );
  }
  for (let j = 0; j < d; j++) {
    if (Math.abs(phi[j]!) > DIVERGED) {
      const toInfinity = phi[j]! > 0;
      const remedy = toInfinity ? '; a small penalty (e.g. 0.001) keeps it finite' : '';
      throw new ModelFitError(
        'diverged',
        `the ${spec.label} parameter ${spec.paramNames[j]} runs off to ${toInfinity ? 'infinity' : 'zero'} (${theta[j]!.toPrecision(3)}), so these data do not identify it${remedy}`,
      );
    }
  }
  const hessian = numericalHessian(f, phi, spec.gradient === undefined ? undefined : fg);
  const covariance = inverseSpd(
    hessian.map((h) => h * customers),
    d,
  );
  if (covariance === undefined) {
    throw new ModelFitError(
      'hessian-not-positive-definite',
      `the ${spec.label} likelihood is flat or saddle-shaped at the optimum (Hessian not positive definite), so these data do not identify its parameters`,
    );
  }
  const stdErrors = theta.map((t, j) => t * Math.sqrt(covariance[j * d + j]!));
  const gradientSmall = polished.gradient.every((g) => Math.abs(g) <= 1e-6);
  return { theta, loglik, stdErrors, converged: polished.converged || gradientSmall, iterations };
}

function gradientOf<D>(
  spec: LikelihoodSpec<D>,
  data: D,
  n: number,
  penalty: number,
  f: (phi: Float64Array) => number,
): (phi: Float64Array, g: Float64Array) => number {
  const { gradient } = spec;
  if (gradient === undefined) return (phi, g) => centralGradient(f, phi, g);
  const d = spec.paramNames.length;
  const grad = new Float64Array(d);
  return (phi, g) => {
    const theta = new Float64Array(d);
    let p = 0;
    for (let j = 0; j < d; j++) {
      if (!(Math.abs(phi[j]!) <= LOG_BOUND)) return Infinity;
      theta[j] = Math.exp(phi[j]!);
      p += theta[j]! * theta[j]!;
    }
    const ll = gradient.call(spec, theta, data, grad);
    for (let j = 0; j < d; j++) g[j] = (-theta[j]! * grad[j]!) / n + 2 * penalty * theta[j]! * theta[j]!;
    return Number.isFinite(ll) ? -ll / n + penalty * p : Infinity;
  };
}

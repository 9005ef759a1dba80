import { InputError } from '../errors.js';
import type { CustomerSummary, TimeUnit } from './customer-summary.js';
import type { LikelihoodSpec } from './fit-maximum-likelihood.js';
import type { PurchaseData } from './purchase-data.js';

/**
 * A buy-till-you-die model of repeat purchases (BG/NBD, MBG/NBD, Pareto/NBD). Every time argument — t, and the
 * t_x and T of the summary — is in the summary's time unit, which must be the unit the parameters were fitted in
 * (α and β are time scales). Per-customer functions return one value per summary row.
 */
export interface PurchaseModel<P> {
  readonly label: string;
  readonly paramNames: readonly (keyof P & string)[];
  readonly likelihood: LikelihoodSpec<PurchaseData>;
  /** Total log-likelihood of the summary (weighted by its row weights). */
  logLikelihood(params: P, summary: CustomerSummary): number;
  /** E[X(t)]: expected repeat purchases of a new customer in the first t time units after the first purchase. */
  expectedPurchases(params: P, t: number): number;
  /** E[X(T, T+t) | x, t_x, T]: expected purchases in the next t time units after the end of calibration. */
  conditionalExpectedPurchases(params: P, summary: CustomerSummary, t: number): Float64Array;
  /** P(alive at T | x, t_x, T). */
  probabilityAlive(params: P, summary: CustomerSummary): Float64Array;
  /** P(X(T, T+t) = 0 | x, t_x, T): probability of no purchase in the next t time units. */
  probabilityNoPurchase(params: P, summary: CustomerSummary, t: number): Float64Array;
}

export interface FitOptions<P> {
  /** L2 penalty c on the parameters: minimizes −LL/n + c·Σθ² (lifetimes' `penalizer_coef`). Default 0. */
  readonly penalty?: number;
  /** Starting points replacing the model's data-scaled defaults. */
  readonly starts?: readonly P[];
  /** Fewer customers than this throws `ModelFitError`. Default 30. */
  readonly minCustomers?: number;
  /** Maximum quasi-Newton iterations. Default 200. */
  readonly maxIterations?: number;
  /** Above this many distinct rows, the simplex search runs on a systematic sample of this size. Default 5,000. */
  readonly exploreRows?: number;
}

export interface FitResult<P> {
  readonly params: P;
  /**
   * Asymptotic standard errors of the natural parameters: inverse numerical Hessian of −LL (plus the penalty,
   * if any) in log-parameters, mapped back by the delta method, SE(θ) = θ·SE(ln θ).
   */
  readonly stdErrors: P;
  /** Log-likelihood at the estimate, without the penalty. */
  readonly loglik: number;
  /** The quasi-Newton polish ended with every gradient component below 10⁻⁶ (per customer, log scale). */
  readonly converged: boolean;
  /** Simplex iterations over all starting points plus quasi-Newton iterations. */
  readonly iterations: number;
  /** Customers the fit used (sum of weights). */
  readonly customers: number;
}

export interface PurchaseFit<P> extends FitResult<P> {
  readonly timeUnit: TimeUnit;
}

export function toTheta<P>(names: readonly (keyof P & string)[], params: P): Float64Array {
  const theta = new Float64Array(names.length);
  names.forEach((name, j) => {
    const v = params[name];
    if (!(typeof v === 'number' && v > 0 && v < Infinity)) {
      throw new InputError(`parameter ${name} must be a positive finite number, got ${String(v)}`);
    }
    theta[j] = v;
  });
  return theta;
}

/** Throws an `InputError` unless every named parameter is a positive finite number. */
export function checkParams<P>(names: readonly (keyof P & string)[], params: P): void {
  toTheta(names, params);
}

export function fromTheta<P>(names: readonly (keyof P & string)[], theta: Float64Array): P {
  const params: Record<string, number> = {};
  names.forEach((name, j) => (params[name] = theta[j]!));
  return params as P;
}

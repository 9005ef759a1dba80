// The numerical building blocks, each against an independent computation.
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { describe, expect, it } from 'vitest';
import { bfgs } from '../../src/models/bfgs.js';
import { fitMaximumLikelihood, type LikelihoodSpec } from '../../src/models/fit-maximum-likelihood.js';
import { aliveExpectedPurchases, logHyp2f1APlusOne } from '../../src/models/hypergeometric.js';
import { logIntervalIntegral, logTailIntegral } from '../../src/models/log-tail-integral.js';
import { ModelFitError } from '../../src/models/model-fit-error.js';
import { nelderMead } from '../../src/models/nelder-mead.js';
import { centralGradient, inverseSpd, numericalHessian } from '../../src/models/numerical-derivatives.js';
import { systematicSample } from '../../src/models/systematic-sample.js';
import { uniqueRows } from '../../src/models/unique-rows.js';
import { betaExpectation, simpson } from './quadrature.js';

/** The plain Gauss series of ₂F₁(a, b; a+1; z), summed in log scale until it stops changing. */
function logSeries(a: number, b: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; ; k++) {
    const ratio = (((b + k) / (k + 1)) * z * (a + k)) / (a + k + 1);
    term *= ratio;
    sum += term;
    if (sum > 1e250) {
      sum /= 1e250;
      term /= 1e250;
      logScale += Math.log(1e250);
    }
    if (ratio < 1 && term < 1e-18 * sum) return Math.log(sum) + logScale;
  }
}

describe('logHyp2f1APlusOne', () => {
  it('agrees with Cephes’ hyp2f1 (stdlib) where both are in range', () => {
    for (const [a, b, z] of [
      [1.2, 1.6, 0.3],
      [27.5, 0.6, 0.08],
      [10.6, 26.5, 0.5],
      [3, 1.5, 0.7],
    ] as const) {
      expect(logHyp2f1APlusOne(a, b, z)).toBeCloseTo(Math.log(hyp2f1(a, b, a + 1, z)), 12);
    }
  });

  it('switches to quadrature near z = 1 without losing precision', () => {
    // The series needs ~b/(1−z) terms there; it is still affordable for the reference below up to 1 − z = 1e-4.
    for (const z of [0.95, 0.99, 0.999, 0.9999]) {
      for (const a of [0.1, 1.2, 27.5, 300]) {
        for (const b of [0.05, 0.6, 1, 1.6, 27, 300]) {
          if (b / (1 - z) > 1e7) continue;
          const want = logSeries(a, b, z);
          expect(Math.abs(logHyp2f1APlusOne(a, b, z) - want)).toBeLessThan(
            1e-11 * Math.max(1, Math.abs(want)),
          );
        }
      }
    }
  });
});

describe('logTailIntegral', () => {
  it('is ∫ (α+u)^−A (β+u)^−B du for α ≥ β and α < β', () => {
    for (const [A, B, alpha, beta] of [
      [0.8, 1.6, 10.6, 11.7],
      [27.5, 1.6, 10.6, 11.7],
      [1.4, 1.56, 48.6, 46.9],
      [2, 0.4, 1.5, 60],
      [4, 3.5, 80, 0.8],
    ] as const) {
      const f = (u: number) => (alpha + u) ** -A * (beta + u) ** -B;
      const c = Math.min(alpha, beta);
      expect(Math.exp(logIntervalIntegral(A, B, alpha, beta, 2, 39))).toBeCloseTo(simpson(f, 2, 39, c), 12);
      const tail = simpson(f, 5, 1e9, c, 200_000);
      expect(Math.abs(Math.exp(logTailIntegral(A, B, alpha, beta, 5)) / tail - 1)).toBeLessThan(1e-7);
    }
    expect(logIntervalIntegral(1, 1, 2, 3, 5, 5)).toBe(-Infinity);
  });
});

describe('aliveExpectedPurchases', () => {
  it('is E[(1 − e^(−λpt))/p] over Beta(a, b) × Gamma(r, α), also at a = 1 and for long horizons', () => {
    for (const [a, b, r, alpha] of [
      [0.79, 2.43, 0.24, 4.41],
      [1, 2, 1.5, 3],
      [1.28, 8.86, 0.61, 20.96],
      [0.6, 0.3, 0.8, 2],
      [3, 5, 27, 40],
    ] as const) {
      for (const t of [1, 39, 400]) {
        const want = betaExpectation(a, b, (p) => -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p);
        expect(Math.abs(aliveExpectedPurchases(a, b, r, alpha, t) / want - 1)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('optimizers', () => {
  const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
  const rosenbrockGradient = (x: Float64Array, g: Float64Array) => {
    g[0] = -400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!);
    g[1] = 200 * (x[1]! - x[0]! ** 2);
    return rosenbrock(x);
  };

  it('Nelder-Mead and BFGS find the minimum of Rosenbrock’s function at (1, 1)', () => {
    const simplex = nelderMead(rosenbrock, Float64Array.of(-1.2, 1), {
      step: 0.5,
      maxEvaluations: 2000,
      fTolerance: 1e-14,
      xTolerance: 1e-8,
      bound: 100,
    });
    expect(simplex.converged).toBe(true);
    expect(simplex.x[0]).toBeCloseTo(1, 4);
    const quasiNewton = bfgs(rosenbrock, rosenbrockGradient, Float64Array.of(-1.2, 1), {
      maxIterations: 200,
      gradientTolerance: 1e-10,
      maxStep: 2,
      bound: 100,
    });
    expect(quasiNewton.converged).toBe(true);
    expect(quasiNewton.x[0]).toBeCloseTo(1, 8);
    expect(quasiNewton.x[1]).toBeCloseTo(1, 8);
  });

  it('differentiates numerically and inverts a positive-definite matrix', () => {
    const g = new Float64Array(2);
    centralGradient(rosenbrock, Float64Array.of(0.5, 0.5), g);
    const exact = new Float64Array(2);
    rosenbrockGradient(Float64Array.of(0.5, 0.5), exact);
    expect(g[0]).toBeCloseTo(exact[0]!, 7);
    expect(g[1]).toBeCloseTo(exact[1]!, 7);
    // Hessian at (1, 1) is [[802, −400], [−400, 200]].
    for (const H of [
      numericalHessian(rosenbrock, Float64Array.of(1, 1)),
      numericalHessian(rosenbrock, Float64Array.of(1, 1), rosenbrockGradient),
    ]) {
      [802, -400, -400, 200].forEach((v, i) => expect(H[i]).toBeCloseTo(v, 4));
    }
    const inverse = inverseSpd(Float64Array.of(802, -400, -400, 200), 2)!;
    [0.5, 1, 1, 2.005].forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 10));
    expect(inverseSpd(Float64Array.of(1, 2, 2, 1), 2)).toBeUndefined();
  });
});

describe('fitMaximumLikelihood', () => {
  // Normal sample with known mean and sd: the MLE and its standard errors are closed-form.
  const data = [4.1, 5.3, 6.2, 3.9, 5.5, 4.8, 6.9, 5.1, 4.4, 5.8];
  const n = data.length;
  const mean = data.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const normal: LikelihoodSpec<number[]> = {
    label: 'normal',
    paramNames: ['mu', 'sigma'],
    logLikelihood: (theta, xs) =>
      xs.reduce((s, v) => s - Math.log(theta[1]!) - (v - theta[0]!) ** 2 / (2 * theta[1]! ** 2), 0),
    starts: () => [Float64Array.of(1, 1), Float64Array.of(10, 3)],
  };

  it('finds the MLE with delta-method standard errors', () => {
    const fit = fitMaximumLikelihood(normal, data, n);
    expect(fit.theta[0]).toBeCloseTo(mean, 7);
    expect(fit.theta[1]).toBeCloseTo(sd, 7);
    expect(fit.stdErrors[0]).toBeCloseTo(sd / Math.sqrt(n), 5);
    expect(fit.stdErrors[1]).toBeCloseTo(sd / Math.sqrt(2 * n), 5);
    expect(fit.converged).toBe(true);
  });

  it('throws when the likelihood is never finite or the Hessian is singular', () => {
    expect(() => fitMaximumLikelihood({ ...normal, logLikelihood: () => NaN }, data, n)).toThrow(
      'the normal log-likelihood is not finite at any starting point, so these data cannot be fitted',
    );
    // A third parameter the likelihood ignores leaves a flat direction.
    const flat: LikelihoodSpec<number[]> = {
      ...normal,
      paramNames: ['mu', 'sigma', 'unused'],
      starts: () => [Float64Array.of(5, 1, 1)],
    };
    try {
      fitMaximumLikelihood(flat, data, n);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelFitError);
      expect((e as ModelFitError).reason).toBe('hessian-not-positive-definite');
    }
  });
});

describe('row grouping and sampling', () => {
  it('uniqueRows groups identical rows, keeping first-occurrence order', () => {
    const rows = uniqueRows([Float64Array.of(1, 2, 1, 1, -0), Float64Array.of(5, 5, 5, 6, 7)]);
    expect(rows.columns.map((c) => [...c])).toEqual([
      [1, 2, 1, 0],
      [5, 5, 6, 7],
    ]);
    expect([...rows.weight]).toEqual([2, 1, 1, 1]);
    expect([...rows.inverse]).toEqual([0, 1, 0, 2, 3]);
  });

  it('systematicSample keeps heavy rows and the total weight', () => {
    const weight = Float64Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? 500 : 1 + (i % 3)));
    const sample = systematicSample(weight, 1000);
    const total = (w: Float64Array) => w.reduce((s, v) => s + v, 0);
    expect(Math.abs(total(sample.weight) / total(weight) - 1)).toBeLessThan(1e-3);
    expect(sample.rows.length).toBeGreaterThan(900);
    expect(sample.rows.length).toBeLessThan(1100);
    for (let i = 0; i < 10_000; i += 100) expect(sample.rows.includes(i)).toBe(true);
  });
});

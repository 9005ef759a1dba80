/** Central-difference gradient of f at x into g (step ε^(1/3)·max(1, |x_i|)); returns f(x). */
export function centralGradient(f: (x: Float64Array) => number, x: Float64Array, g: Float64Array): number {
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 6e-6 * Math.max(1, Math.abs(x[i]!));
    probe[i] = x[i]! + h;
    const up = f(probe);
    probe[i] = x[i]! - h;
    const down = f(probe);
    probe[i] = x[i]!;
    g[i] = (up - down) / (2 * h);
  }
  return f(x);
}

/**
 * Symmetric d×d Hessian (row-major) by central differences: of the gradient when one is given (2d gradient
 * calls), otherwise second differences of f (step ε^(1/4), 2d + 4·d(d−1)/2 + 1 calls).
 */
export function numericalHessian(
  f: (x: Float64Array) => number,
  x: Float64Array,
  gradient?: (x: Float64Array, g: Float64Array) => number,
): Float64Array {
  const d = x.length;
  const H = new Float64Array(d * d);
  const p = Float64Array.from(x);
  if (gradient !== undefined) {
    const up = new Float64Array(d);
    const down = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[j]!));
      p[j] = x[j]! + h;
      gradient(p, up);
      p[j] = x[j]! - h;
      gradient(p, down);
      p[j] = x[j]!;
      for (let i = 0; i < d; i++) H[i * d + j] = (up[i]! - down[i]!) / (2 * h);
    }
  } else {
    const f0 = f(x);
    const h = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
    const at = (i: number, si: number, j: number, sj: number): number => {
      p[i] = p[i]! + si * h[i]!;
      p[j] = p[j]! + sj * h[j]!;
      const v = f(p);
      p[i] = x[i]!;
      p[j] = x[j]!;
      return v;
    };
    for (let i = 0; i < d; i++) {
      H[i * d + i] = (at(i, 1, i, 1) - 2 * f0 + at(i, -1, i, -1)) / (4 * h[i]! * h[i]!);
      for (let j = 0; j < i; j++) {
        H[i * d + j] =
          (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      }
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const v = gradient !== undefined ? 0.5 * (H[i * d + j]! + H[j * d + i]!) : H[i * d + j]!;
      H[i * d + j] = v;
      H[j * d + i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite d×d matrix by Cholesky; undefined if it is not positive definite. */
export function inverseSpd(H: Float64Array, d: number): Float64Array | undefined {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * d + j]!;
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * d + i] = Math.sqrt(s);
      } else L[i * d + j] = s / L[j * d + j]!;
    }
  }
  const inverse = new Float64Array(d * d);
  const column = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    for (let i = 0; i < d; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i * d + k]! * column[k]!;
      column[i] = s / L[i * d + i]!;
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = column[i]!;
      for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * column[k]!;
      column[i] = s / L[i * d + i]!;
    }
    for (let i = 0; i < d; i++) inverse[i * d + c] = column[i]!;
  }
  return inverse;
}

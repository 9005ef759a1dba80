const STEP = 1 / 32;
const LIMIT = 6;

interface Nodes {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly logX: Float64Array;
  readonly logY: Float64Array;
  readonly logWeight: Float64Array;
}

let cached: Nodes | undefined;

function nodes(): Nodes {
  if (cached !== undefined) return cached;
  const count = 2 * Math.round(LIMIT / STEP) + 1;
  const out = {
    x: new Float64Array(count),
    y: new Float64Array(count),
    logX: new Float64Array(count),
    logY: new Float64Array(count),
    logWeight: new Float64Array(count),
  };
  for (let k = 0; k < count; k++) {
    const t = (k - (count - 1) / 2) * STEP;
    const s = (Math.PI / 2) * Math.sinh(t);
    // x = 1/(1+e^(−2s)) and y = 1 − x = 1/(1+e^(2s)), both in logs so the extreme nodes keep their precision.
    const logX = s >= 0 ? -Math.log1p(Math.exp(-2 * s)) : 2 * s - Math.log1p(Math.exp(2 * s));
    const logY = s >= 0 ? -2 * s - Math.log1p(Math.exp(-2 * s)) : -Math.log1p(Math.exp(2 * s));
    out.logX[k] = logX;
    out.logY[k] = logY;
    out.x[k] = Math.exp(logX);
    out.y[k] = Math.exp(logY);
    out.logWeight[k] = Math.log(Math.PI * STEP * Math.cosh(t)) + logX + logY;
  }
  cached = out;
  return out;
}

/**
 * ln ∫₀¹ e^{f(x)} dx by tanh-sinh (double-exponential) quadrature (Takahasi & Mori 1974), which stays accurate
 * for integrable endpoint singularities and for integrands concentrated near an endpoint. f receives x, 1 − x and
 * their logarithms, each computed without cancellation; it must be finite or −Infinity.
 */
export function logTanhSinh(f: (x: number, y: number, logX: number, logY: number) => number): number {
  const { x, y, logX, logY, logWeight } = nodes();
  const terms = new Float64Array(x.length);
  let top = -Infinity;
  for (let k = 0; k < x.length; k++) {
    const v = logWeight[k]! + f(x[k]!, y[k]!, logX[k]!, logY[k]!);
    terms[k] = v;
    if (v > top) top = v;
  }
  if (!Number.isFinite(top)) return top;
  let total = 0;
  for (let k = 0; k < terms.length; k++) total += Math.exp(terms[k]! - top);
  return top + Math.log(total);
}

import type { RandomSource } from '../../src/stats/index.js';

/** Standard normal draws by the Box–Muller transform (Box & Muller 1958) from an injected uniform source. */
export function normal(random: RandomSource): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Per-customer outcomes: conversion with probability `rate`, spend lognormal(μ, σ) when converted. */
export function customers(
  random: RandomSource,
  z: () => number,
  n: number,
  rate: number,
  mu = 4,
  sigma = 0.8,
): { converted: Float64Array; revenue: Float64Array } {
  const converted = new Float64Array(n);
  const revenue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (random() < rate) {
      converted[i] = 1;
      revenue[i] = Math.exp(mu + sigma * z());
    }
  }
  return { converted, revenue };
}

export function count(values: Float64Array): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Whether an observed count of events is within `k` binomial standard deviations of n·p. */
export function withinBinomial(observed: number, n: number, p: number, k = 3.5): boolean {
  return Math.abs(observed - n * p) <= k * Math.sqrt(n * p * (1 - p));
}

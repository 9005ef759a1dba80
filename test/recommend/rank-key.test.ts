import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { RECOMMEND_LIMITS } from '../../src/metrics/recommendation-method.js';
import { rankKey } from '../../src/recommend/recommend-steps.js';
import { tempWorkspace } from '../helpers/workspace.js';

// Scores are sums of at most `itemsPerCustomer` similarities, each rounded to a multiple of 2^-41, and rank by
// one integer: score in grid units × span + (span − 1 − SKU number).
const GRID = 2 ** 41;

describe('the rank key of recommendations', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterAll(() => cleanup());

  it('is a BIGINT while the largest key fits in 63 bits, a HUGEINT beyond', () => {
    // (itemsPerCustomer + 1) × 2^41 × span < 2^63  ⇔  span < 2^22 / 51 = 82,241.25
    expect(RECOMMEND_LIMITS.itemsPerCustomer).toBe(50);
    expect(rankKey(82_241)).toEqual({ span: '82241', type: 'BIGINT' });
    expect(rankKey(82_242)).toEqual({ span: '82242', type: 'HUGEINT' });
  });

  it('orders by score, then the lower SKU, for either type', async () => {
    const rows = [
      [0.5, 7],
      [0.5, 3],
      [1.25, 9],
      [0.5 + 1 / GRID, 8],
      [50, 1],
    ];
    const values = rows.map(([s, k]) => `(${s}, ${k})`).join(', ');
    for (const span of [10, 100_000]) {
      const key = rankKey(span);
      const sorted = await ws.all<{ k: number }>(
        `SELECT k FROM (VALUES ${values}) t(score, k)
         ORDER BY CAST(round(score * ${GRID}) AS ${key.type}) * ${key.span} + (${key.span} - 1 - k) DESC`,
      );
      expect(sorted.map((r) => Number(r.k))).toEqual([1, 9, 8, 3, 7]);
    }
  });

  it('sums of grid multiples do not depend on the order of the additions (seeded shuffles)', () => {
    // mulberry32, two draws for a double with all 53 bits
    let seed = 42;
    const draw = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const random = (): number => ((draw() >>> 5) * 2 ** 26 + (draw() >>> 6)) / 2 ** 53;
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    let rawDiffer = 0;
    for (let trial = 0; trial < 200; trial++) {
      const raw = Array.from({ length: 50 }, () => random());
      const terms = raw.map((x) => Math.round(x * GRID) / GRID);
      const order = raw.map((_, i) => i).sort(() => random() - 0.5);
      expect(sum(order.map((i) => terms[i]!))).toBe(sum(terms));
      expect(sum([...terms].reverse())).toBe(sum(terms));
      if (sum(order.map((i) => raw[i]!)) !== sum(raw)) rawDiffer++;
    }
    // Unrounded, the same shuffles change the last bits of most sums.
    expect(rawDiffer).toBeGreaterThan(100);
  });
});

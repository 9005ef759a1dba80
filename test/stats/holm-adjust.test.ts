import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { holmAdjust } from '../../src/stats/index.js';

describe('holmAdjust', () => {
  it('matches R p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09', () => {
    // By hand, m = 5, sorted p(j) times (m − j + 1), then the running maximum:
    // 5·0.01 = 0.05; 4·0.02 = 0.08; 3·0.03 = 0.09; 2·0.04 = 0.08 → 0.09; 1·0.05 = 0.05 → 0.09.
    const adjusted = holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05]);
    [0.05, 0.08, 0.09, 0.09, 0.09].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 15));
  });

  it('keeps the input order', () => {
    // By hand: sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04 → 0.06.
    const adjusted = holmAdjust([0.04, 0.01, 0.03]);
    [0.06, 0.03, 0.06].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 15));
  });

  it('caps at 1 and leaves a single p-value unchanged', () => {
    // By hand: 2·0.6 = 1.2 → 1; max(1, 0.9) = 1.
    expect(holmAdjust([0.6, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => holmAdjust([0.1, 1.2])).toThrow(InputError);
    expect(() => holmAdjust([NaN])).toThrow(InputError);
  });
});

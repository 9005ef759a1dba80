// When the data cannot support a fit, the fitters throw a ModelFitError with one readable sentence.
import { describe, expect, it } from 'vitest';
import { customerSummary, fitBgNbd, fitMbgNbd, fitParetoNbd, ModelFitError } from '../../src/models/index.js';
import { InputError } from '../../src/errors.js';

const fitters = [fitBgNbd, fitMbgNbd, fitParetoNbd];

describe('ModelFitError', () => {
  it('is thrown when nobody made a repeat purchase', () => {
    const n = 100;
    const noRepeaters = customerSummary({
      timeUnit: 'weeks',
      x: new Float64Array(n),
      tx: new Float64Array(n),
      T: Float64Array.from({ length: n }, (_, i) => 10 + i / 7),
    });
    for (const fit of fitters) {
      let error: unknown;
      try {
        fit(noRepeaters);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ModelFitError);
      expect(error).toBeInstanceOf(InputError);
      expect((error as ModelFitError).reason).toBe('no-repeaters');
      expect((error as Error).message).toMatch(
        /^none of the 100 customers made a repeat purchase \(all x = 0\), so the .+ purchase and dropout rates cannot be estimated$/,
      );
    }
  });

  it('is thrown when there are too few customers', () => {
    const tiny = customerSummary({ timeUnit: 'weeks', x: [1, 0, 2], tx: [1, 0, 3], T: [5, 5, 5] });
    expect(() => fitBgNbd(tiny)).toThrow('a BG/NBD fit needs at least 30 customers, but the summary has 3');
  });

  it('is thrown when a parameter runs off to a boundary instead of returning nonsense', () => {
    // Everybody still buying right up to T: nothing in the data shows dropout, so the dropout parameter goes to 0.
    const n = 200;
    const summary = customerSummary({
      timeUnit: 'weeks',
      x: Float64Array.from({ length: n }, (_, i) => 1 + (i % 7)),
      tx: Float64Array.from({ length: n }, (_, i) => 20 + (i % 20) - 0.5 - (i % 3) * 0.1),
      T: Float64Array.from({ length: n }, (_, i) => 20 + (i % 20)),
    });
    let error: unknown;
    try {
      fitBgNbd(summary);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelFitError);
    expect((error as ModelFitError).reason).toBe('diverged');
    expect((error as Error).message).toMatch(
      /^the BG\/NBD parameter (a|b) runs off to (zero|infinity) \(.+\), so these data do not identify it/,
    );
  });
});

// Gamma-Gamma spend model on the CDNOW repeaters, against ../shared/data/cdnow/README.md and
// ../shared/data/cdnow_full/README.md.
import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGamma, ModelFitError, spendSummary } from '../../src/models/index.js';
import { cdnowCbs, cdnowLifetimesSummary, significant } from './fixtures.js';

const cbs = cdnowCbs();

describe('Gamma-Gamma fit on CDNOW', () => {
  const input = spendSummary({ x: cbs.x, mx: cbs.mx });
  const fit = fitGammaGamma(input.summary);

  it('keeps the 946 repeaters and counts the rest', () => {
    expect(input.summary.x.length).toBe(946);
    expect(input.skippedNoRepeat).toBe(1411);
    expect(input.skippedNonPositiveSpend).toBe(0);
    expect(fit.customers).toBe(946);
  });

  it('reproduces the unrounded reference on the unrounded BTYD m_x', () => {
    // reference_values.json (Fader & Hardie 2013 note 025: p 6.25, q 3.74, γ 15.44): unrounded p 6.2496,
    // q 3.7442, γ 15.4435 to 4 significant digits, LL −4055.92 (−4055.9177). They come from the unrounded m_x of
    // btyd_cdnowSummary_cbs.csv; the 2-decimal zbar of lifetimes' file gives slightly different values (below).
    expect(Math.abs(fit.params.p - 6.2496)).toBeLessThanOrEqual(significant(6.2496, 4));
    expect(Math.abs(fit.params.q - 3.7442)).toBeLessThanOrEqual(significant(3.7442, 4));
    expect(Math.abs(fit.params.gamma - 15.4435)).toBeLessThanOrEqual(significant(15.4435, 4));
    expect(Math.abs(fit.loglik - -4055.9177)).toBeLessThan(0.001);
    expect(fit.converged).toBe(true);
    for (const name of gammaGamma.paramNames) expect(fit.stdErrors[name]).toBeGreaterThan(0);
  });

  it('matches the base-R re-fit on lifetimes’ 2-decimal zbar', () => {
    // cdnow_full/README.md, optim on cdnow_customers_summary_with_transactions.csv: p 6.2488, q 3.7446,
    // γ 15.4486, LL −4055.923 (γ is flat along the likelihood ridge, so it is checked to 3 digits).
    const rounded = cdnowLifetimesSummary();
    const fit2 = fitGammaGamma(spendSummary({ x: rounded.x, mx: rounded.mx }).summary);
    expect(Math.abs(fit2.params.p - 6.2488)).toBeLessThanOrEqual(significant(6.2488, 4));
    expect(Math.abs(fit2.params.q - 3.7446)).toBeLessThanOrEqual(significant(3.7446, 4));
    expect(Math.abs(fit2.params.gamma - 15.4486)).toBeLessThanOrEqual(significant(15.4486, 3));
    expect(Math.abs(fit2.loglik - -4055.923)).toBeLessThan(0.001);
  });

  it('gives the conditional expected spend of the first 10 customers (Hardie’s spreadsheet)', () => {
    // lifetimes test (from Hardie's spreadsheet): 24.65 18.91 35.17 35.17 35.17 71.46 18.91 35.17 27.28 35.17 for
    // the first 10 sample customers, to the cent. Customers with x = 0 get the population mean pγ/(q−1).
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const spend = gammaGamma.conditionalExpectedSpend(fit.params, cbs.x.slice(0, 10), cbs.mx.slice(0, 10));
    expected.forEach((v, i) => expect(Math.abs(spend[i]! - v)).toBeLessThanOrEqual(0.005 + 1e-9));
    expect(spend[2]).toBe(gammaGamma.populationMeanSpend(fit.params));
  });

  it('skips repeaters with non-positive spend and reports how many', () => {
    const input2 = spendSummary({ x: [0, 2, 3, 1], mx: [0, 0, 12.5, -4] });
    expect(input2.summary.x.length).toBe(1);
    expect(input2.skippedNoRepeat).toBe(1);
    expect(input2.skippedNonPositiveSpend).toBe(2);
  });

  it('throws a ModelFitError on too few repeaters, and an InputError on bad rows', () => {
    const few = spendSummary({ x: [1, 2, 3], mx: [10, 20, 30] }).summary;
    expect(() => fitGammaGamma(few)).toThrow(ModelFitError);
    expect(() => fitGammaGamma(few)).toThrow(
      'a Gamma-Gamma fit needs at least 30 repeat customers with positive spend, but there are 3',
    );
    expect(() => fitGammaGamma({ x: Float64Array.of(1), mx: Float64Array.of(0) })).toThrow(
      'row 0: mx must be a positive finite amount, got 0',
    );
  });
});

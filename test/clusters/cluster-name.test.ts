import { describe, expect, it } from 'vitest';
import { nameClusters, type FeatureStanding } from '../../src/clusters/index.js';

const at = (feature: string, z: number, value: number, unit?: string): FeatureStanding => ({
  feature,
  z,
  value,
  unit,
});

describe('nameClusters', () => {
  it('names the two strongest traits, strongest first', () => {
    // revenue +1.4 SD (value role, high) and recency −0.9 SD (recency role, low); orders +0.3 is too small.
    const [name] = nameClusters([
      [at('recency_days', -0.9, 12), at('orders', 0.3, 4), at('revenue', 1.4, 900, 'currency')],
    ]);
    expect(name).toEqual({ en: 'High value, recent', ru: 'Ценные, недавние' });
  });

  it('calls a cluster averaging under 1.5 orders one-timers, the noun last', () => {
    const [name] = nameClusters([[at('recency_days', 1.2, 400), at('orders', -0.8, 1.1, 'count')]]);
    expect(name).toEqual({ en: 'Lapsed one-timers', ru: 'Давно не покупавшие разовые покупатели' });
  });

  it('gives "Typical customers" when nothing is 0.5 SD from the mean', () => {
    const [name] = nameClusters([[at('recency_days', 0.4, 60), at('orders', -0.49, 3)]]);
    expect(name).toEqual({ en: 'Typical customers', ru: 'Типичные клиенты' });
  });

  it('uses one word per role and names unknown features as they are', () => {
    const [name] = nameClusters([
      [at('orders', 1.1, 9), at('purchase_days', 1.3, 8), at('distinct_skus', 0.8, 30)],
    ]);
    expect(name).toEqual({
      en: 'Frequent, high distinct_skus',
      ru: 'Часто покупающие, высокий distinct_skus',
    });
  });

  it('reads a long interval between purchases as infrequent and average order value as basket size', () => {
    const [name] = nameClusters([[at('ipi_mean_days', 1.5, 120), at('aov', -1, 20)]]);
    expect(name?.en).toBe('Infrequent, small-basket');
  });

  it('adds a word, then a number, when clusters would share a name', () => {
    const names = nameClusters([
      [at('revenue', 2, 900), at('recency_days', -1, 10), at('tenure_days', 0.7, 900)],
      [at('revenue', 2, 800), at('recency_days', -1, 12), at('tenure_days', -0.7, 30)],
      [at('revenue', 2, 800), at('recency_days', -1, 12)],
      [at('revenue', 2, 800), at('recency_days', -1, 12)],
    ]);
    expect(names.map((n) => n.en)).toEqual([
      'High value, recent, long-standing',
      'High value, recent, new',
      'High value, recent (1)',
      'High value, recent (2)',
    ]);
  });
});

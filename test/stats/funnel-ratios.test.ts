import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { funnelRatios } from '../../src/stats/index.js';

describe('funnelRatios', () => {
  it('computes the ratios over delivered messages and CTOR over opens', () => {
    // By hand: 9,800/10,000 = 0.98; 2,450/9,800 = 0.25; 392/9,800 = 0.04; 392/2,450 = 0.16;
    // 49/9,800 = 0.005; 1,470/49 = 30.
    const r = funnelRatios({
      sent: 10_000,
      delivered: 9_800,
      opened: 2_450,
      clicked: 392,
      orders: 49,
      cost: 1_470,
    });
    expect(r).toEqual({
      deliveryRate: 0.98,
      openRate: 0.25,
      clickThroughRate: 0.04,
      clickToOpenRate: 0.16,
      conversionRate: 0.005,
      costPerOrder: 30,
    });
  });

  it('uses sent as delivered when bounces are unknown', () => {
    const r = funnelRatios({ sent: 1000, opened: 200, clicked: 50, orders: 5, cost: 100 });
    expect(r.deliveryRate).toBe(1);
    expect(r.openRate).toBe(0.2);
    expect(r.costPerOrder).toBe(20);
  });

  it('gives null, not NaN or Infinity, for zero denominators and a missing cost', () => {
    const r = funnelRatios({ sent: 0, opened: 0, clicked: 0, orders: 0 });
    expect(Object.values(r).every((v) => v === null)).toBe(true);
    const noOrders = funnelRatios({ sent: 100, opened: 0, clicked: 3, orders: 0, cost: 50 });
    expect(noOrders.clickToOpenRate).toBeNull();
    expect(noOrders.costPerOrder).toBeNull();
    expect(noOrders.clickThroughRate).toBe(0.03);
    expect(JSON.parse(JSON.stringify(noOrders))).toEqual(noOrders);
  });

  it('rejects negative or non-finite counts', () => {
    expect(() => funnelRatios({ sent: 10, opened: -1, clicked: 0, orders: 0 })).toThrow(InputError);
    expect(() => funnelRatios({ sent: NaN, opened: 1, clicked: 0, orders: 0 })).toThrow(InputError);
  });
});

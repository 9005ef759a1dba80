import { describe, expect, test } from 'vitest';
import { Basket } from '../../src/demo/basket.js';
import { Calendar } from '../../src/demo/calendar.js';
import { Catalogue } from '../../src/demo/catalogue.js';
import { OrderBook } from '../../src/demo/orders.js';
import { DEFAULT_DEMO_PARAMETERS } from '../../src/demo/parameters.js';
import { CATEGORY_SHARES } from '../../src/demo/preferences.js';
import { Random } from '../../src/demo/random.js';
import { ByteSink } from '../../src/demo/sink.js';
import { SalesSinks } from '../../src/demo/split.js';

function book(sinks: SalesSinks): OrderBook {
  const random = new Random(17, 1);
  const catalogue = Catalogue.generate(new Random(17, 0), 500);
  return new OrderBook(
    random,
    new Calendar('2023-01-01', '2025-12-31'),
    catalogue,
    DEFAULT_DEMO_PARAMETERS,
    sinks,
    1,
  );
}

function text(sink: ByteSink): string {
  return Buffer.concat(sink.take()).toString('utf8');
}

describe('orders', () => {
  test('the lines of an order add up to its value to the cent', () => {
    const basket = new Basket(
      new Random(17, 1),
      Catalogue.generate(new Random(17, 0), 500),
      DEFAULT_DEMO_PARAMETERS,
    );
    const values = [1, 2, 7, 99, 150, 12_345, 300_000, 2_500_000, 99_999_999];
    for (let i = 0; i < 2000; i++) values.push(1 + ((i * 7919 * 104_729) % 1_000_000));
    for (const value of values) {
      const lines = basket.fill(value, CATEGORY_SHARES);
      expect(lines).toBeGreaterThanOrEqual(1);
      expect(lines).toBeLessThanOrEqual(DEFAULT_DEMO_PARAMETERS.basket.maxLines);
      const amounts = Array.from(basket.amounts.subarray(0, lines));
      const units = Array.from(basket.units.subarray(0, lines));
      expect(units.every((u) => u >= 1 && u <= 6)).toBe(true);
      expect(
        amounts.reduce((s, a) => s + a, 0),
        `value ${value}`,
      ).toBe(value);
      expect(amounts.every((a) => Number.isInteger(a) && a >= 1)).toBe(true);
    }
  });

  test('an order is written as lines that share its id, time, store and channel and sum to its value', () => {
    const sinks = new SalesSinks(Infinity);
    const sink = sinks.before;
    const orders = book(sinks);
    orders.write(
      { customerId: 'C0000042', moment: 400.5, channel: 'offline', store: 'MSK01' },
      654_321,
      CATEGORY_SHARES,
    );
    const lines = text(sink)
      .trim()
      .split('\n')
      .map((line) => line.split(','))
      .filter((fields) => fields[0]?.startsWith('O'));
    expect(lines.length).toBe(orders.purchaseLines);
    expect(new Set(lines.map((f) => [f[0], f[1], f[2], f[7], f[8]].join('|'))).size).toBe(1);
    // Day 400 is 2024-02-05; half the store day's traffic (weights 0.5 … 0.6 for 10:00 … 21:00, total 11.3) has
    // passed at 16:00 + (5.65 − 4.85) / 0.9 of an hour = 16:53:19 (seconds truncated).
    expect(lines[0]?.slice(0, 3)).toEqual(['O1-1', 'C0000042', '2024-02-05 16:53:19']);
    const total = lines.reduce((s, f) => s + Math.round(Number(f[6]) * 100), 0);
    expect(total).toBe(654_321);
  });

  test('the byte sink writes integers and cents as text', () => {
    const sink = new ByteSink();
    sink.int(0).char(32).int(7, 2).char(32).int(1_234_567).char(32).int(-45).char(32).cents(5).char(32);
    sink.cents(-123_456).char(32).cents(100).end();
    sink.text('Анна').end();
    expect(text(sink)).toBe('0 07 1234567 -45 0.05 -1234.56 1.00\nАнна\n');
    expect(sink.lines).toBe(2);
  });
});

import type { OrderBook } from './orders.js';
import { CATEGORY_SHARES } from './preferences.js';
import type { DemoParameters } from './parameters.js';
import type { Random } from './random.js';
import { ONLINE_STORE, type Stores } from './stores.js';

/**
 * Receipts of shoppers without a loyalty card: days drawn from the walk-in traffic curve `days` (cumulative
 * weights), stores by regional traffic, a few online guest orders, population category shares, and values from
 * the same Gamma-Gamma mixture as identified customers (a fresh ν per receipt).
 */
export class AnonymousTraffic {
  constructor(
    private readonly random: Random,
    private readonly days: Float64Array,
    private readonly stores: Stores,
    private readonly params: DemoParameters,
  ) {}

  write(book: OrderBook): void {
    const random = this.random;
    const moment = random.draw(this.days) + random.uniform();
    const online = random.chance(this.params.anonymous.onlineShare);
    const { p, q, gamma } = this.params.gammaGamma;
    const value = random.gamma(p, random.gamma(q, gamma));
    book.write(
      {
        customerId: '',
        moment,
        channel: online ? 'online' : 'offline',
        store: online ? ONLINE_STORE : this.stores.anyStore(random),
      },
      Math.max(1, Math.round(value * 100)),
      CATEGORY_SHARES,
    );
  }
}

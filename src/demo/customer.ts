import type { Calendar } from './calendar.js';
import { CATEGORIES } from './categories.js';
import { clockSeconds, formatClock, type Channel } from './clock.js';
import { drawLatent, emptyHistory, simulateHistory } from './customer-process.js';
import { formatReal } from './number-text.js';
import type { OrderBook } from './orders.js';
import type { DemoParameters } from './parameters.js';
import { person } from './people.js';
import { drawPreferences } from './preferences.js';
import type { Random } from './random.js';
import { ONLINE_STORE, type Stores } from './stores.js';
import type { ByteSink } from './sink.js';

/** Share of customers whose account is created at the first purchase; the rest registered some days before. */
const REGISTERED_AT_FIRST_PURCHASE = 0.65;
const MEAN_DAYS_REGISTERED_BEFORE = 45;

/**
 * One identified customer at a time: acquisition day from the seasonal curve, latent traits (λ, p, ν), a
 * category preference, a home region and store, an online propensity; then the BG/NBD history, each
 * order worth a Gamma(p, ν) draw, the customers.csv line and the truth.csv line.
 */
export class CustomerWriter {
  mergedSameDay = 0;

  private readonly preferences: Float64Array;
  private readonly history = emptyHistory();
  private readonly idWidth: number;

  constructor(
    private readonly random: Random,
    private readonly calendar: Calendar,
    private readonly stores: Stores,
    private readonly params: DemoParameters,
    private readonly book: OrderBook,
    private readonly customers: ByteSink,
    private readonly truth: ByteSink,
    private readonly acquisition: Float64Array,
    total: number,
  ) {
    this.preferences = new Float64Array(CATEGORIES.length);
    this.idWidth = Math.max(7, String(total).length);
  }

  /** Writes customer number `serial` (1-based). */
  write(serial: number): void {
    const random = this.random;
    const { calendar, params, history } = this;
    const id = `C${String(serial).padStart(this.idWidth, '0')}`;
    const first = random.draw(this.acquisition) + random.uniform();
    const latent = drawLatent(random, params);
    drawPreferences(random, params.catalogue.loyalty, this.preferences);
    const region = this.stores.region(random);
    const home = this.stores.storeIn(random, region);
    const online = random.beta(params.channels.onlineA, params.channels.onlineB);
    const who = person(random, serial);
    simulateHistory(random, latent, first, calendar.days, history);
    this.mergedSameDay += history.merged;

    let firstChannel: Channel = 'offline';
    for (let k = 0; k < history.count; k++) {
      const channel: Channel = random.fraction() < online ? 'online' : 'offline';
      if (k === 0) firstChannel = channel;
      const store =
        channel === 'online'
          ? ONLINE_STORE
          : random.fraction() < params.channels.homeStoreShare
            ? home
            : this.stores.anyStore(random);
      const value = random.gamma(params.gammaGamma.p, latent.nu);
      const moment = history.moments[k] ?? first;
      this.book.write(
        { customerId: id, moment, channel, store },
        Math.max(1, Math.round(value * 100)),
        this.preferences,
      );
    }

    const firstStamp = this.stamp(first, firstChannel);
    const created = random.chance(REGISTERED_AT_FIRST_PURCHASE)
      ? firstStamp
      : this.stamp(first - random.exponential(1 / MEAN_DAYS_REGISTERED_BEFORE), firstChannel);
    this.customers
      .text(
        `${id},${created},${who.contact},${this.stores.regionName(region)},${who.gender},${who.birthYear}`,
      )
      .end();
    const alive = Number.isNaN(history.dropout);
    const dropoutDate = alive ? '' : calendar.label(Math.floor(history.dropout));
    this.truth
      .ascii(
        `${id},${firstStamp},${formatReal(latent.lambda)},${formatReal(latent.p)},${dropoutDate},${formatReal(latent.nu)},${alive},${history.count}`,
      )
      .end();
  }

  private stamp(moment: number, channel: Channel): string {
    const day = Math.floor(moment);
    return `${this.calendar.label(day)} ${formatClock(clockSeconds(moment - day, channel))}`;
  }
}

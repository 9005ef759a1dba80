import type { Calendar } from './calendar.js';
import { Basket } from './basket.js';
import type { Catalogue, Product } from './catalogue.js';
import { clockSeconds, type Channel } from './clock.js';
import type { DemoParameters } from './parameters.js';
import type { Random } from './random.js';
import type { ByteSink } from './sink.js';
import type { SalesSinks } from './split.js';

/** Where and when an order happens; `customerId` is empty for anonymous receipts. */
export interface OrderPlace {
  customerId: string;
  /** Days since the start of the calendar. */
  moment: number;
  channel: Channel;
  store: string;
}

const FULL_RETURN = 0.7;

/** Bytes an order can take at most (up to 64 lines and their returns), kept in one chunk of the sink. */
const ORDER_ROOM = 1 << 15;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const SPACE = 32;
const LETTER_O = 79;
const LETTER_R = 82;

/**
 * Writes orders as sales lines (see `Basket` for how an order's value becomes lines), each into the sink of its
 * date (`SalesSinks`); `price` is the net unit price paid, amount / quantity to the cent. Order ids are `O<block>-<n>`. A purchased line is returned with probability `returns.share` some days later
 * under a new document id `R<block>-<n>` (same customer, store, channel and SKU; negative quantity and amount);
 * returns that would fall after the end are not written.
 */
export class OrderBook {
  orders = 0;
  purchaseLines = 0;
  returnLines = 0;
  anonymousOrders = 0;
  anonymousPurchaseLines = 0;
  anonymousLines = 0;

  private nextOrder = 1;
  private nextReturn = 1;
  private readonly basket: Basket;

  constructor(
    private readonly random: Random,
    private readonly calendar: Calendar,
    catalogue: Catalogue,
    private readonly params: DemoParameters,
    private readonly sales: SalesSinks,
    private readonly block: number,
  ) {
    this.basket = new Basket(random, catalogue, params);
  }

  /** Writes one order worth `valueCents` (at least one cent); `preferences` weighs the categories. */
  write(place: OrderPlace, valueCents: number, preferences: Float64Array): void {
    const basket = this.basket;
    const lines = basket.fill(valueCents, preferences);
    const sales = this.sales.of(place.moment);
    sales.reserve(ORDER_ROOM);
    const headStart = sales.offset;
    sales.char(LETTER_O).int(this.block).char(DASH).int(this.nextOrder++).char(COMMA).ascii(place.customerId);
    sales.char(COMMA);
    this.stamp(sales, place.moment, place.channel);
    sales.char(COMMA);
    const headEnd = sales.offset;
    for (let i = 0; i < lines; i++) {
      const product = basket.products[i];
      if (product === undefined) continue;
      const units = basket.units[i] ?? 1;
      const amount = basket.amounts[i] ?? 0;
      const price = Math.max(1, Math.round(amount / units));
      if (i > 0) sales.repeat(headStart, headEnd);
      sales.ascii(product.sku).char(COMMA).int(units).char(COMMA).cents(price).char(COMMA).cents(amount);
      sales.char(COMMA).ascii(place.store).char(COMMA).ascii(place.channel).end();
      if (this.random.fraction() < this.params.returns.share) {
        this.writeReturn(place, product, units, price, amount);
      }
    }
    this.orders++;
    this.purchaseLines += lines;
    if (place.customerId === '') {
      this.anonymousOrders++;
      this.anonymousPurchaseLines += lines;
      this.anonymousLines += lines;
    }
  }

  private writeReturn(
    place: OrderPlace,
    product: Product,
    units: number,
    price: number,
    amount: number,
  ): void {
    const random = this.random;
    const moment = place.moment + 1 + random.exponential(1 / this.params.returns.meanDelayDays);
    const returned = units === 1 || random.chance(FULL_RETURN) ? units : 1 + random.int(units - 1);
    if (!(moment < this.calendar.days)) return;
    const refund = returned === units ? amount : Math.max(1, Math.round((amount * returned) / units));
    const sales = this.sales.of(moment);
    sales
      .char(LETTER_R)
      .int(this.block)
      .char(DASH)
      .int(this.nextReturn++)
      .char(COMMA)
      .ascii(place.customerId);
    sales.char(COMMA);
    this.stamp(sales, moment, place.channel);
    sales.char(COMMA).ascii(product.sku).char(COMMA).int(-returned).char(COMMA).cents(price).char(COMMA);
    sales.cents(-refund).char(COMMA).ascii(place.store).char(COMMA).ascii(place.channel).end();
    this.returnLines++;
    if (place.customerId === '') this.anonymousLines++;
  }

  /** `YYYY-MM-DD HH:MM:SS` of a moment. */
  private stamp(sales: ByteSink, moment: number, channel: Channel): void {
    const day = Math.floor(moment);
    const seconds = clockSeconds(moment - day, channel);
    const minutes = Math.floor(seconds / 60);
    sales
      .ascii(this.calendar.label(day))
      .char(SPACE)
      .int(Math.floor(minutes / 60), 2)
      .char(COLON);
    sales
      .int(minutes % 60, 2)
      .char(COLON)
      .int(seconds % 60, 2);
  }
}

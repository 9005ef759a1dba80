import { AnonymousTraffic } from './anonymous.js';
import { Calendar } from './calendar.js';
import { Catalogue } from './catalogue.js';
import { CustomerWriter } from './customer.js';
import { OrderBook } from './orders.js';
import type { DemoParameters } from './parameters.js';
import { Random } from './random.js';
import { seasonalDays } from './seasonality.js';
import { ByteSink } from './sink.js';
import { SalesSinks } from './split.js';
import { Stores } from './stores.js';

/** Customers per block. Block k (1-based) holds customers (k − 1)·10,000 + 1 … k·10,000 and draws from stream k. */
export const BLOCK_CUSTOMERS = 10_000;

/** What every block needs to know; plain data, so it can be sent to a worker thread. */
export interface BlockConfig {
  seed: number;
  customers: number;
  start: string;
  end: string;
  parameters: DemoParameters;
  /** The first day (YYYY-MM-DD) whose sales lines go to the second sales file; none: one sales file. */
  splitAt?: string;
}

export interface BlockCounts {
  salesLines: number;
  purchaseLines: number;
  returnLines: number;
  /** Of `salesLines`, those dated on or after the split day (in the second sales file; 0 without a split). */
  salesLinesFrom: number;
  /** Lines with an empty customer_id, purchases and returns. */
  anonymousLines: number;
  /** Purchase orders (distinct `O…` ids), anonymous receipts included. */
  orders: number;
  anonymousOrders: number;
  customers: number;
  /** Repeat purchases merged into an order of the same customer on the same day. */
  mergedSameDayPurchases: number;
}

export function emptyCounts(): BlockCounts {
  return {
    salesLines: 0,
    salesLinesFrom: 0,
    purchaseLines: 0,
    returnLines: 0,
    anonymousLines: 0,
    orders: 0,
    anonymousOrders: 0,
    customers: 0,
    mergedSameDayPurchases: 0,
  };
}

const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof BlockCounts)[];

export function addCounts(into: BlockCounts, from: BlockCounts): void {
  for (const key of COUNT_KEYS) into[key] += from[key];
}

/**
 * The bytes of one block for sales.csv, customers.csv and truth.csv (no headers), with its counts. With a split,
 * `sales` holds the lines dated before the split day and `salesFrom` the others; without one `salesFrom` is empty.
 */
export interface BlockOutput {
  block: number;
  sales: Uint8Array[];
  salesFrom: Uint8Array[];
  customers: Uint8Array[];
  truth: Uint8Array[];
  counts: BlockCounts;
}

export function blockCount(customers: number): number {
  return Math.ceil(customers / BLOCK_CUSTOMERS);
}

/** The catalogue of a seed: drawn from stream 0, the same in every thread. */
export function catalogueOf(config: BlockConfig): Catalogue {
  return Catalogue.generate(new Random(config.seed, 0), config.parameters.catalogue.products);
}

/**
 * Generates blocks of customers independently of each other: a block depends only on the config and its number,
 * so blocks can be made in any order or on any thread and, written in order, always give the same files.
 */
export class BlockGenerator {
  private readonly calendar: Calendar;
  private readonly catalogue: Catalogue;
  private readonly stores = new Stores();
  private readonly acquisition: Float64Array;
  private readonly traffic: Float64Array;
  private readonly splitDay: number;

  constructor(private readonly config: BlockConfig) {
    this.calendar = new Calendar(config.start, config.end);
    this.catalogue = catalogueOf(config);
    this.acquisition = seasonalDays(this.calendar, 'acquisition');
    this.traffic = seasonalDays(this.calendar, 'anonymous');
    this.splitDay = config.splitAt === undefined ? Infinity : this.calendar.dayOf(config.splitAt);
  }

  /** Block `block` (1-based). Anonymous receipts are interleaved to keep their share of purchase lines. */
  generate(block: number): BlockOutput {
    const { seed, customers: total, parameters } = this.config;
    const random = new Random(seed, block);
    const sales = new SalesSinks(this.splitDay);
    const customers = new ByteSink();
    const truth = new ByteSink();
    const book = new OrderBook(random, this.calendar, this.catalogue, parameters, sales, block);
    const people = new CustomerWriter(
      random,
      this.calendar,
      this.stores,
      parameters,
      book,
      customers,
      truth,
      this.acquisition,
      total,
    );
    const anonymous = new AnonymousTraffic(random, this.traffic, this.stores, parameters);
    const ratio = parameters.anonymous.share / (1 - parameters.anonymous.share);
    const last = Math.min(total, block * BLOCK_CUSTOMERS);
    for (let serial = (block - 1) * BLOCK_CUSTOMERS + 1; serial <= last; serial++) {
      people.write(serial);
      while (book.anonymousPurchaseLines < ratio * (book.purchaseLines - book.anonymousPurchaseLines)) {
        anonymous.write(book);
      }
    }
    return {
      block,
      sales: sales.before.take(),
      salesFrom: sales.from.take(),
      customers: customers.take(),
      truth: truth.take(),
      counts: {
        salesLines: sales.before.lines + sales.from.lines,
        salesLinesFrom: sales.from.lines,
        purchaseLines: book.purchaseLines,
        returnLines: book.returnLines,
        anonymousLines: book.anonymousLines,
        orders: book.orders,
        anonymousOrders: book.anonymousOrders,
        customers: customers.lines,
        mergedSameDayPurchases: people.mergedSameDay,
      },
    };
  }
}

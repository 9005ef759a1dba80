import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { parseDay } from './calendar.js';
import { DEFAULT_DEMO_PARAMETERS, type DemoParameters } from './parameters.js';
import { checkSplitAt } from './split.js';

export type DemoFormat = 'csv' | 'parquet';

export interface DemoOptions {
  /** Number of identified customers (each makes at least one purchase). */
  customers: number;
  /** Any non-negative safe integer; the same seed gives byte-identical CSV files. */
  seed: number;
  outDir: string;
  format: DemoFormat;
  /** First day of the period, `YYYY-MM-DD` (default 2023-01-01). */
  start?: string;
  /** Last day of the period, inclusive (default 2025-12-31). */
  end?: string;
  /**
   * Writes the sales in two files: the lines dated before this day (the first of a month inside the period,
   * `YYYY-MM-DD`) and the others, e.g. to load a month later and refresh incrementally. Default: one file.
   */
  splitAt?: string;
  /** Replaces whole groups of the default parameters, e.g. `{ returns: { share: 0.05, meanDelayDays: 6 } }`. */
  parameters?: Partial<DemoParameters>;
  /** Worker threads making blocks of customers (default: the machine's cores, at most 4); 1 = this thread only. */
  threads?: number;
  /** Called with the customers written so far and the total, after every block of 10,000 customers. */
  onProgress?: (done: number, total: number) => void;
}

export interface ValidDemoOptions extends Required<
  Omit<DemoOptions, 'parameters' | 'onProgress' | 'splitAt'>
> {
  parameters: DemoParameters;
  splitAt: string | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** Checks and completes the options of `generateDemo`, throwing an InputError that names the bad value. */
export function validateOptions(options: DemoOptions): ValidDemoOptions {
  const { customers, seed, outDir, format } = options;
  if (!Number.isSafeInteger(customers) || customers < 1) {
    throw new InputError(
      `The number of demo customers must be a whole number of at least 1 (got ${customers}).`,
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InputError(`The demo seed must be a non-negative whole number (got ${seed}).`);
  }
  if (typeof outDir !== 'string' || outDir.trim() === '') {
    throw new InputError('The demo output folder must be a non-empty path.');
  }
  if (format !== 'csv' && format !== 'parquet') {
    throw new InputError(`The demo format must be csv or parquet (got ${String(format)}).`);
  }
  const start = options.start ?? '2023-01-01';
  const end = options.end ?? '2025-12-31';
  for (const [name, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (Number.isNaN(parseDay(value))) {
      throw new InputError(`The demo ${name} date must be a calendar day written YYYY-MM-DD (got ${value}).`);
    }
  }
  if (parseDay(end) <= parseDay(start)) {
    throw new InputError(`The demo end date ${end} must be after the start date ${start}.`);
  }
  if (options.splitAt !== undefined) checkSplitAt(options.splitAt, start, end);
  const parameters: DemoParameters = { ...DEFAULT_DEMO_PARAMETERS, ...options.parameters };
  checkParameters(parameters);
  const threads = options.threads ?? Math.min(4, availableParallelism());
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new InputError(`The number of demo threads must be a whole number of at least 1 (got ${threads}).`);
  }
  return {
    customers,
    seed,
    outDir,
    format,
    start,
    end,
    threads,
    parameters,
    splitAt: options.splitAt,
    onProgress: options.onProgress,
  };
}

function checkParameters(p: DemoParameters): void {
  const positive: [string, number][] = [
    ['bgnbd.r', p.bgnbd.r],
    ['bgnbd.alpha', p.bgnbd.alpha],
    ['bgnbd.a', p.bgnbd.a],
    ['bgnbd.b', p.bgnbd.b],
    ['gammaGamma.p', p.gammaGamma.p],
    ['gammaGamma.q', p.gammaGamma.q],
    ['gammaGamma.gamma', p.gammaGamma.gamma],
    ['basket.lineShare', p.basket.lineShare],
    ['returns.meanDelayDays', p.returns.meanDelayDays],
    ['channels.onlineA', p.channels.onlineA],
    ['channels.onlineB', p.channels.onlineB],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0))
      throw new InputError(`Demo parameter ${name} must be positive.`);
  }
  const shares: [string, number, number][] = [
    ['returns.share', p.returns.share, 1],
    ['anonymous.share', p.anonymous.share, 0.95],
    ['anonymous.onlineShare', p.anonymous.onlineShare, 1],
    ['channels.homeStoreShare', p.channels.homeStoreShare, 1],
    ['catalogue.loyalty', p.catalogue.loyalty, 1],
  ];
  for (const [name, value, max] of shares) {
    if (!(value >= 0 && value <= max))
      throw new InputError(`Demo parameter ${name} must be between 0 and ${max}.`);
  }
  if (!Number.isInteger(p.basket.maxLines) || p.basket.maxLines < 1 || p.basket.maxLines > 64) {
    throw new InputError('Demo parameter basket.maxLines must be a whole number from 1 to 64.');
  }
  if (!Number.isInteger(p.catalogue.products) || p.catalogue.products < 24) {
    throw new InputError('Demo parameter catalogue.products must be a whole number of at least 24.');
  }
}

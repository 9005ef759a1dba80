import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  addCounts,
  blockCount,
  catalogueOf,
  emptyCounts,
  type BlockConfig,
  type BlockCounts,
  type BlockOutput,
} from './block.js';
import { manifest } from './manifest.js';
import { validateOptions, type DemoFormat, type DemoOptions, type ValidDemoOptions } from './options.js';
import type { DemoParameters } from './parameters.js';
import { csvToParquet } from './parquet.js';
import { dayBefore, splitSalesNames } from './split.js';
import { DEMO_TABLES, headerOf, type DemoTable } from './tables.js';
import { inlineRunner, workerRunner, type BlockRunner } from './threads.js';
import { FileWriter } from './writer.js';

/** Data lines written (headers excluded); `salesLines` = `purchaseLines` + `returnLines`. */
export interface DemoCounts extends BlockCounts {
  products: number;
}

/** One of the two sales files of a split. */
export interface DemoSalesPart {
  file: string;
  lines: number;
  /** The days its lines fall on, inclusive. */
  first_day: string;
  last_day: string;
}

/** Where the sales went when they were split by date: `before` is `files.sales`, `from` is `files.salesFrom`. */
export interface DemoSplit {
  /** The first day of the second file. */
  at: string;
  before: DemoSalesPart;
  from: DemoSalesPart;
}

export interface DemoResult {
  outDir: string;
  format: DemoFormat;
  seed: number;
  start: string;
  end: string;
  /** Absolute paths of the files written; with a split, `sales` holds the lines before it, `salesFrom` the rest. */
  files: Record<DemoTable | 'params', string> & { salesFrom?: string };
  /** Present when the sales were split by date (options.splitAt). */
  split?: DemoSplit;
  counts: DemoCounts;
  /** The true generating parameters (time unit: week of 7 days; money: RUB). */
  parameters: DemoParameters;
}

/**
 * Generates the demo retailer into `outDir`: sales, customers, products, truth (the latent traits of every
 * customer) and params.json. Customers are made in blocks of 10,000, on worker threads when there are several
 * blocks, and written in order with bounded memory, so ten million customers (≈ 100 M sales lines) work. The
 * same options give byte-identical CSV files whatever the number of threads. With `splitAt`, the sales go to two
 * files by date (before that day, and from it on) which together hold exactly the lines of the unsplit file.
 *
 * @example
 * const result = await generateDemo({ customers: 10_000, seed: 1, outDir: 'demo', format: 'csv' });
 * result.counts.salesLines; // ≈ 100,000
 */
export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  return generate(validateOptions(options));
}

async function generate(options: ValidDemoOptions): Promise<DemoResult> {
  const { customers: total, seed, format, start, end, parameters, splitAt, onProgress } = options;
  const config: BlockConfig = {
    seed,
    customers: total,
    start,
    end,
    parameters,
    ...(splitAt ? { splitAt } : {}),
  };
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const names = splitAt === undefined ? undefined : splitSalesNames(splitAt);
  const nameOf = (table: DemoTable): string => (table === 'sales' ? (names?.before ?? 'sales') : table);
  const csv: CsvPaths = {
    sales: join(outDir, `${nameOf('sales')}.csv`),
    customers: join(outDir, 'customers.csv'),
    products: join(outDir, 'products.csv'),
    truth: join(outDir, 'truth.csv'),
    ...(names ? { salesFrom: join(outDir, `${names.from}.csv`) } : {}),
  };

  const catalogue = catalogueOf(config);
  await writeFile(csv.products, headerOf('products') + catalogue.csv());
  const counts = await writeBlocks(config, options.threads, csv, onProgress);

  const filePath = (name: string): string => join(outDir, `${name}.${format}`);
  const files: DemoResult['files'] = {
    sales: filePath(nameOf('sales')),
    customers: filePath('customers'),
    products: filePath('products'),
    truth: filePath('truth'),
    params: join(outDir, 'params.json'),
    ...(names ? { salesFrom: filePath(names.from) } : {}),
  };
  if (format === 'parquet') {
    for (const table of DEMO_TABLES) await csvToParquet(table, csv[table], files[table]);
    if (csv.salesFrom && files.salesFrom) await csvToParquet('sales', csv.salesFrom, files.salesFrom);
  }
  const split: DemoSplit | undefined =
    splitAt && files.salesFrom
      ? {
          at: splitAt,
          before: {
            file: files.sales,
            lines: counts.salesLines - counts.salesLinesFrom,
            first_day: start,
            last_day: dayBefore(splitAt),
          },
          from: { file: files.salesFrom, lines: counts.salesLinesFrom, first_day: splitAt, last_day: end },
        }
      : undefined;
  const description = manifest({
    seed,
    customers: total,
    start,
    end,
    parameters,
    ...(split
      ? {
          split: {
            ...split,
            before: { ...split.before, file: basename(split.before.file) },
            from: { ...split.from, file: basename(split.from.file) },
          },
        }
      : {}),
  });
  await writeFile(files.params, `${JSON.stringify(description, null, 2)}\n`);
  return {
    outDir,
    format,
    seed,
    start,
    end,
    files,
    ...(split ? { split } : {}),
    counts: { ...counts, products: catalogue.products.length },
    parameters,
  };
}

/** The CSV files the blocks are written to (converted to Parquet afterwards when asked). */
type CsvPaths = Record<DemoTable, string> & { salesFrom?: string };

/** Makes every block (a few ahead of the writer) and appends them to the files in block order. */
async function writeBlocks(
  config: BlockConfig,
  threads: number,
  csv: CsvPaths,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<BlockCounts> {
  const blocks = blockCount(config.customers);
  const runner: BlockRunner =
    threads > 1 && blocks > 1 ? workerRunner(config, Math.min(threads, blocks)) : inlineRunner(config);
  const files = {
    sales: await FileWriter.open(csv.sales),
    customers: await FileWriter.open(csv.customers),
    truth: await FileWriter.open(csv.truth),
  };
  const salesFrom = csv.salesFrom === undefined ? undefined : await FileWriter.open(csv.salesFrom);
  const all = [...Object.values(files), ...(salesFrom ? [salesFrom] : [])];
  const totals = emptyCounts();
  try {
    const encoder = new TextEncoder();
    for (const table of ['sales', 'customers', 'truth'] as const) {
      await files[table].write([encoder.encode(headerOf(table))]);
    }
    await salesFrom?.write([encoder.encode(headerOf('sales'))]);
    onProgress?.(0, config.customers);
    const ahead = Math.max(2, 2 * threads);
    const pending = new Map<number, Promise<BlockOutput>>();
    let dispatched = 0;
    for (let block = 1; block <= blocks; block++) {
      while (dispatched < blocks && dispatched < block + ahead) {
        dispatched++;
        const made = runner.run(dispatched);
        made.catch(() => undefined);
        pending.set(dispatched, made);
      }
      const output = await (pending.get(block) ?? runner.run(block));
      pending.delete(block);
      await files.sales.write(output.sales);
      await salesFrom?.write(output.salesFrom);
      await files.customers.write(output.customers);
      await files.truth.write(output.truth);
      addCounts(totals, output.counts);
      onProgress?.(totals.customers, config.customers);
    }
    for (const file of all) await file.close();
    return totals;
  } catch (error) {
    for (const file of all) file.destroy();
    throw error;
  } finally {
    await runner.close();
  }
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
import { DEMO_TABLES, headerOf, type DemoTable } from './tables.js';
import { inlineRunner, workerRunner, type BlockRunner } from './threads.js';
import { FileWriter } from './writer.js';

/** Data lines written (headers excluded); `salesLines` = `purchaseLines` + `returnLines`. */
export interface DemoCounts extends BlockCounts {
  products: number;
}

export interface DemoResult {
  outDir: string;
  format: DemoFormat;
  seed: number;
  start: string;
  end: string;
  /** Absolute paths of the files written. */
  files: Record<DemoTable | 'params', string>;
  counts: DemoCounts;
  /** The true generating parameters (time unit: week of 7 days; money: RUB). */
  parameters: DemoParameters;
}

/**
 * Generates the demo retailer into `outDir`: sales, customers, products, truth (the latent traits of every
 * customer) and params.json. Customers are made in blocks of 10,000, on worker threads when there are several
 * blocks, and written in order with bounded memory, so ten million customers (≈ 100 M sales lines) work. The
 * same options give byte-identical CSV files whatever the number of threads.
 *
 * @example
 * const result = await generateDemo({ customers: 10_000, seed: 1, outDir: 'demo', format: 'csv' });
 * result.counts.salesLines; // ≈ 100,000
 */
export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  return generate(validateOptions(options));
}

async function generate(options: ValidDemoOptions): Promise<DemoResult> {
  const { customers: total, seed, format, start, end, parameters, onProgress } = options;
  const config: BlockConfig = { seed, customers: total, start, end, parameters };
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const csvPath = (table: DemoTable): string => join(outDir, `${table}.csv`);

  const catalogue = catalogueOf(config);
  await writeFile(csvPath('products'), headerOf('products') + catalogue.csv());
  const counts = await writeBlocks(config, options.threads, csvPath, onProgress);

  const filePath = (table: DemoTable): string => join(outDir, `${table}.${format}`);
  if (format === 'parquet') {
    for (const table of DEMO_TABLES) await csvToParquet(table, csvPath(table), filePath(table));
  }
  const files = {
    sales: filePath('sales'),
    customers: filePath('customers'),
    products: filePath('products'),
    truth: filePath('truth'),
    params: join(outDir, 'params.json'),
  };
  const description = manifest({ seed, customers: total, start, end, parameters });
  await writeFile(files.params, `${JSON.stringify(description, null, 2)}\n`);
  return {
    outDir,
    format,
    seed,
    start,
    end,
    files,
    counts: { ...counts, products: catalogue.products.length },
    parameters,
  };
}

/** Makes every block (a few ahead of the writer) and appends them to the files in block order. */
async function writeBlocks(
  config: BlockConfig,
  threads: number,
  csvPath: (table: DemoTable) => string,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<BlockCounts> {
  const blocks = blockCount(config.customers);
  const runner: BlockRunner =
    threads > 1 && blocks > 1 ? workerRunner(config, Math.min(threads, blocks)) : inlineRunner(config);
  const files = {
    sales: await FileWriter.open(csvPath('sales')),
    customers: await FileWriter.open(csvPath('customers')),
    truth: await FileWriter.open(csvPath('truth')),
  };
  const totals = emptyCounts();
  try {
    const encoder = new TextEncoder();
    for (const table of ['sales', 'customers', 'truth'] as const) {
      await files[table].write([encoder.encode(headerOf(table))]);
    }
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
      await files.customers.write(output.customers);
      await files.truth.write(output.truth);
      addCounts(totals, output.counts);
      onProgress?.(totals.customers, config.customers);
    }
    for (const file of Object.values(files)) await file.close();
    return totals;
  } catch (error) {
    for (const file of Object.values(files)) file.destroy();
    throw error;
  } finally {
    await runner.close();
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateDemo, type DemoOptions, type DemoResult } from '../../src/demo/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function run(options: Omit<DemoOptions, 'outDir' | 'format'>): Promise<DemoResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-demo-seed-'));
  dirs.push(dir);
  return generateDemo({ ...options, outDir: dir, format: 'csv' });
}

const TABLES = ['sales', 'customers', 'products', 'truth', 'params'] as const;

function expectSameFiles(x: DemoResult, y: DemoResult): void {
  for (const table of TABLES) {
    expect(readFileSync(x.files[table]).equals(readFileSync(y.files[table])), table).toBe(true);
  }
}

describe('demo determinism', () => {
  test('the same seed gives byte-identical files, another seed different ones', async () => {
    const first = await run({ customers: 800, seed: 42, threads: 1 });
    const again = await run({ customers: 800, seed: 42, threads: 1 });
    const other = await run({ customers: 800, seed: 43, threads: 1 });
    expectSameFiles(first, again);
    expect(again.counts).toEqual(first.counts);
    for (const table of ['sales', 'customers', 'truth'] as const) {
      expect(readFileSync(other.files[table]).equals(readFileSync(first.files[table])), table).toBe(false);
    }
  });

  test('worker threads give the same files as one thread', async () => {
    // Two blocks of customers, so two worker threads share the work.
    const single = await run({ customers: 10_600, seed: 5, threads: 1 });
    const parallel = await run({ customers: 10_600, seed: 5, threads: 2 });
    expectSameFiles(single, parallel);
    expect(parallel.counts).toEqual(single.counts);
  });

  test('a block of customers does not depend on how many follow', async () => {
    const small = await run({ customers: 300, seed: 9, threads: 1 });
    const large = await run({ customers: 600, seed: 9, threads: 1 });
    const head = readFileSync(small.files.customers, 'utf8');
    expect(readFileSync(large.files.customers, 'utf8').startsWith(head)).toBe(true);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ENGINE_SHARE, machineBudget, resolveBudget } from '../../src/db/memory-budget.js';
import { isResourceError } from '../../src/db/resource-error.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { cli } from '../helpers/cli.js';
import { storedAnalysis } from '../helpers/stored-analysis.js';
import { DATA, tempDir } from '../helpers/workspace.js';
import { generateDemo } from '../../src/demo/index.js';

describe('the memory budget', () => {
  it('is a third of the machine by default, never more than the machine has', () => {
    const b = machineBudget();
    expect(b).toBeLessThanOrEqual(totalmem() / 3 + 1);
    expect(b).toBeGreaterThanOrEqual(256e6);
  });

  it('comes from --memory-limit, else CLIENTELE_MEMORY_LIMIT, else the machine', () => {
    const { dir, cleanup } = tempDir();
    const saved = process.env['CLIENTELE_MEMORY_LIMIT'];
    try {
      delete process.env['CLIENTELE_MEMORY_LIMIT'];
      expect(resolveBudget(dir).source).toBe('machine');
      process.env['CLIENTELE_MEMORY_LIMIT'] = '2GB';
      expect(resolveBudget(dir)).toMatchObject({
        bytes: 2e9,
        engineBytes: 2e9 * ENGINE_SHARE,
        source: 'environment',
      });
      expect(resolveBudget(dir, '512MB')).toMatchObject({ bytes: 512e6, source: 'option' });
      process.env['CLIENTELE_MEMORY_LIMIT'] = 'lots';
      expect(() => resolveBudget(dir)).toThrow(
        /CLIENTELE_MEMORY_LIMIT must be a size such as 8GB or 512MB; got "lots"/,
      );
      expect(() => resolveBudget(dir, '10MB')).toThrow(/at least 64MB/);
      expect(resolveBudget(dir, '1GB', '3GB').spillBytes).toBe(3e9);
    } finally {
      if (saved === undefined) delete process.env['CLIENTELE_MEMORY_LIMIT'];
      else process.env['CLIENTELE_MEMORY_LIMIT'] = saved;
      cleanup();
    }
  });
});

// Small budgets. The stores of the first test hold 200,000 demo sales lines, the second Online Retail's 541,909:
// with a 64 MB budget (38 MB for the engine) and no room to spill, the first stops with one sentence and
// changes nothing; the second completes (in customer partitions, on one engine thread) with exactly the
// results of a run with the machine's budget, and the budget in use is reported.
describe('an analysis under a small budget', () => {
  const { dir, cleanup } = tempDir();
  let reference: Record<string, string[]>;
  beforeAll(async () => {
    const ws = await Workspace.open(join(dir, 'reference.duckdb'));
    await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
    await analyze(ws, { months: 6 });
    reference = await storedAnalysis(ws);
    ws.close();
  });
  afterAll(() => cleanup());

  it('stops with one sentence when it may not spill, leaving the workspace as it was', async () => {
    const path = join(dir, 'demo.duckdb');
    const demo = await generateDemo({
      customers: 20_000,
      seed: 4,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    const setup = await Workspace.open(path);
    await ingestFile(setup, demo.files.sales);
    setup.close();
    const ws = await Workspace.open(path, { memoryLimit: '64MB', spillLimit: '1MB' });
    let error: unknown;
    try {
      await analyze(ws);
    } catch (e) {
      error = ws.explain(e);
    } finally {
      ws.close();
    }
    expect(isResourceError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Out of (disk|memory): .*The workspace was left as it was\.$/);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    const after = await Workspace.open(path, { readOnly: true });
    expect(await after.tableExists('analyses')).toBe(false);
    expect(await after.tableExists('customer_snapshots')).toBe(false);
    expect(
      Number(
        await after.scalar(`SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'snapshot_rows%'`),
      ),
    ).toBe(0);
    after.close();
    // The spill files went with the process that made them.
    expect(existsSync(`${path}.spill`) ? readdirSync(`${path}.spill`) : []).toEqual([]);
  });

  it('completes under 64 MB with the results of an unbounded run, and reports its budget', async () => {
    const path = join(dir, 'retail.duckdb');
    const setup = await Workspace.open(path);
    await ingestFile(setup, `${DATA}online_retail/online_retail.csv`);
    setup.close();
    const ws = await Workspace.open(path, { memoryLimit: '64MB' });
    try {
      await analyze(ws, { months: 6 });
      expect(await storedAnalysis(ws)).toEqual(reference);
    } finally {
      ws.close();
    }
    const status = await cli('status', '--json', '--workspace', path, '--memory-limit', '64MB');
    expect(status.code, status.err).toBe(0);
    expect(JSON.parse(status.out).memory).toEqual({
      budget_bytes: 64e6,
      engine_bytes: 64e6 * ENGINE_SHARE,
      source: 'option',
      spill_folder: `${path}.spill`,
      spill_limit_bytes: expect.any(Number),
    });
  });
});

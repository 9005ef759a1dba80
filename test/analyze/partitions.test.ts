import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { storedAnalysis } from '../helpers/stored-analysis.js';
import { DATA, tempDir } from '../helpers/workspace.js';

// A large base is analysed in customer partitions (a hash of the customer id) so that one partition's working
// set fits the memory budget. Forcing several partitions on a small base must change nothing that is stored.

describe('analyze in customer partitions', () => {
  const { dir, cleanup } = tempDir();
  const results: Record<string, string[]>[] = [];
  beforeAll(async () => {
    for (const partitions of [1, 3, 7]) {
      const ws = await Workspace.open(join(dir, `p${partitions}.duckdb`), { partitions });
      await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
      await analyze(ws, { months: 6 });
      results.push(await storedAnalysis(ws));
      ws.close();
    }
  });
  afterAll(() => cleanup());

  it('stores every row identically with 1, 3 and 7 partitions', () => {
    const [one, three, seven] = results;
    expect(one!['customer_snapshots']!.length).toBeGreaterThan(15_000);
    for (const other of [three!, seven!]) {
      expect(Object.keys(other)).toEqual(Object.keys(one!));
      for (const key of Object.keys(one!)) expect(other[key], key).toEqual(one![key]);
    }
  });
});

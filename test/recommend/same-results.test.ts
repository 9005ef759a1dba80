import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { profileColumnGroups } from '../../src/profile/profile-columns.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import { STORED_PROFILE_TABLE } from '../../src/profile/stored-profile.js';
import { storeProfile } from '../../src/profile/precompute.js';
import { recommendAll, recommendFor } from '../../src/recommend/recommend.js';
import type { Row } from '../../src/db/values.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';
import { referenceSql } from './reference-sql.js';

// The recommendations of every customer are computed in work tables, customer partition by partition and
// slice by slice (recommend-all.ts). They must be the rows of the single statement that computed them before
// (reference-sql.ts), whatever the number of partitions, on real data and on the demo.

const STORED = `SELECT * EXCLUDE (as_of) FROM recommendations ORDER BY customer_id, rank`;

/** A workspace at `path` processed in `partitions` customer partitions; the caller closes it. */
const openWith = (path: string, partitions: number): Promise<Workspace> =>
  Workspace.open(path, { partitions });

async function storedWith(
  path: string,
  partitions: number,
  o: { asOf: string; top: number; exclude?: string[] },
): Promise<Row[]> {
  const ws = await openWith(path, partitions);
  try {
    await recommendAll(ws, o);
    return await ws.all(STORED);
  } finally {
    ws.close();
  }
}

describe('every customer on UCI Online Retail: the stored rows are the reference rows', () => {
  const asOf = '2011-08-31';
  let ws: Workspace;
  let path: string;
  let cleanup: () => void;
  let reference: Row[];
  beforeAll(async () => {
    ({ ws, path, cleanup } = await tempWorkspace());
    await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
    reference = await ws.all(referenceSql(0), [asOf, 10]);
    ws.close();
  });
  afterAll(() => cleanup());

  it('covers customers beyond the recent-SKU limit, popular fill and tied scores', async () => {
    const w = await openWith(path, 1);
    try {
      const wide = await w.scalar(`SELECT count(*) FROM (SELECT customer_id FROM sales
        WHERE customer_id IS NOT NULL AND sku IS NOT NULL AND amount > 0 AND ts < DATE '2011-09-01'
        GROUP BY customer_id HAVING count(DISTINCT sku) > 50)`);
      expect(Number(wide)).toBeGreaterThan(100); // 1,158
    } finally {
      w.close();
    }
    expect(reference.filter((r) => r['source'] === 'popular').length).toBeGreaterThan(50);
    const ties = reference.filter((r, i) => {
      const next = reference[i + 1];
      return (
        next !== undefined &&
        next['customer_id'] === r['customer_id'] &&
        r['score'] !== null &&
        next['score'] === r['score']
      );
    });
    expect(ties.length).toBeGreaterThan(20); // 64
  });

  it.each([1, 3])('in %i partition(s)', async (partitions) => {
    const rows = await storedWith(path, partitions, { asOf, top: 10 });
    expect(rows.length).toBe(reference.length);
    expect(rows).toEqual(reference);
  });

  it('with SKUs left out (postage, manual lines), in 2 partitions', async () => {
    const exclude = ['POST', 'DOT', 'M'];
    const w = await openWith(path, 1);
    const expected = await w
      .all(referenceSql(exclude.length), [asOf, 5, ...exclude])
      .finally(() => w.close());
    expect(expected.some((r) => exclude.includes(String(r['sku'])))).toBe(false);
    expect(await storedWith(path, 2, { asOf, top: 5, exclude })).toEqual(expected);
  });

  it('one customer (the API and `clientele recommend ID`) gets the stored list', async () => {
    await storedWith(path, 2, { asOf, top: 10 });
    const w = await openWith(path, 1);
    try {
      const ids = await w.all<{ customer_id: string }>(
        `SELECT customer_id FROM (SELECT DISTINCT customer_id FROM recommendations) USING SAMPLE 12 ROWS (reservoir, 7)
         UNION SELECT customer_id FROM recommendations WHERE source = 'popular' LIMIT 20`,
      );
      for (const { customer_id } of ids) {
        const one = await recommendFor(w, customer_id, { asOf, top: 10 });
        const stored = await w.all(
          `SELECT * EXCLUDE (as_of) FROM recommendations WHERE customer_id = $1 ORDER BY rank`,
          [customer_id],
        );
        expect(one.recommendations, customer_id).toEqual(stored);
      }
    } finally {
      w.close();
    }
  });

  it('the statement as it was differs only where it leaves a tie to the engine', async () => {
    const w = await openWith(path, 1);
    const verbatim = await w.all(referenceSql(0, true), [asOf, 10]).finally(() => w.close());
    expect(verbatim.length).toBe(reference.length);
    verbatim.forEach((v, i) => {
      const r = reference[i]!;
      expect([v['customer_id'], v['rank'], v['source']]).toEqual([r['customer_id'], r['rank'], r['source']]);
      if (v['score'] === null) expect(v['sku']).toBe(r['sku']);
      else expect(Math.abs(Number(v['score']) - Number(r['score']))).toBeLessThan(1e-9);
    });
  });
});

describe('every customer on the demo, and the stored profile that shows them', () => {
  let ws: Workspace;
  let path: string;
  let cleanup: () => void;
  let reference: Row[];
  let asOf: string;
  beforeAll(async () => {
    let dir: string;
    ({ ws, dir, path, cleanup } = await tempWorkspace());
    const demo = await generateDemo({
      customers: 3_000,
      seed: 11,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    await ingestFile(ws, demo.files.sales);
    await ingestFile(ws, demo.files.products);
    asOf = String(await ws.scalar(`SELECT CAST(max(ts) AS DATE) FROM sales`));
    reference = await ws.all(referenceSql(0), [asOf, 5]);
    ws.close();
  });
  afterAll(() => cleanup());

  it.each([1, 4])('in %i partition(s)', async (partitions) => {
    const rows = await storedWith(path, partitions, { asOf, top: 5 });
    expect(rows.length).toBe(reference.length);
    expect(rows).toEqual(reference);
    expect(new Set(rows.map((r) => r['name'])).size).toBeGreaterThan(100);
  });

  it('the stored profile equals the profile computed afresh, before and after a second run', async () => {
    const w = await openWith(path, 2);
    try {
      await storeProfile(w, asOf);
      // Same columns in the same order, same rows; doubles to 1e-12 (the profile's own sums of doubles may
      // differ in the last bit from one computation to the next).
      const same = async (): Promise<void> => {
        await w.run(
          `CREATE OR REPLACE TEMP TABLE fresh AS ${profileSql(await profileColumnGroups(w, asOf))}`,
          [asOf],
        );
        const columns = await w.all<{ column_name: string; column_type: string }>(`DESCRIBE fresh`);
        expect(await w.all(`DESCRIBE ${STORED_PROFILE_TABLE}`)).toEqual(columns);
        const differs = columns.map(({ column_name: c, column_type: type }) =>
          type === 'DOUBLE'
            ? `abs(s."${c}" - f."${c}") > 1e-12 * greatest(1, abs(f."${c}")) OR (s."${c}" IS NULL) <> (f."${c}" IS NULL)`
            : `s."${c}" IS DISTINCT FROM f."${c}"`,
        );
        const n = await w.one<{ rows: number; stored: number; differ: number }>(
          `SELECT (SELECT count(*) FROM fresh) AS rows, (SELECT count(*) FROM ${STORED_PROFILE_TABLE}) AS stored,
                  (SELECT count(*) FROM ${STORED_PROFILE_TABLE} s JOIN fresh f USING (customer_id)
                   WHERE ${differs.join(' OR ')}) AS differ`,
        );
        expect(n).toEqual({ rows: n?.stored, stored: n?.rows, differ: 0 });
      };
      await recommendAll(w, { asOf, top: 3 });
      await same();
      const first = await w.scalar(
        `SELECT recommended_skus FROM ${STORED_PROFILE_TABLE} WHERE recommended_skus IS NOT NULL LIMIT 1`,
      );
      expect(String(first).split(', ')).toHaveLength(3);
      await recommendAll(w, { asOf, top: 2 });
      await same();
      // Only the recommendation columns are computed again: a mark left in another column stays.
      await w.run(
        `UPDATE ${STORED_PROFILE_TABLE} SET orders = -1 WHERE customer_id = (SELECT min(customer_id) FROM ${STORED_PROFILE_TABLE})`,
      );
      await recommendAll(w, { asOf, top: 4 });
      const marked = await w.one(
        `SELECT orders, recommended_skus FROM ${STORED_PROFILE_TABLE} WHERE orders = -1`,
      );
      expect(String(marked?.['recommended_skus']).split(', ')).toHaveLength(4);
    } finally {
      w.close();
    }
  });
});

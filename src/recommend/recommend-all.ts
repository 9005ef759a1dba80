import { partitionsFor, type Partitions } from '../db/partitions.js';
import type { Workspace } from '../db/workspace.js';
import { RECOMMEND_LIMITS } from '../metrics/recommendation-method.js';
import {
  bothWaysSql,
  buyersSql,
  coBuyersSql,
  labelledSql,
  neighboursSql,
  ownedSql,
  popularSql,
  purchasesWhere,
  rankKey,
  RECENT,
  recommendationsSql,
  skuIdsSql,
} from './recommend-steps.js';

/**
 * Recent SKUs scored by one statement: two of the engine's row groups, so that both threads of a 2-core
 * machine take part, while the hash table of (customer, SKU) candidates (about 30 per recent SKU) stays
 * small. Measured on 1 M customers: slices of 16 k and 32 k customers cost the same CPU, of 65 k 15 % more,
 * and all customers in one statement 55 s of CPU against 41 s in slices of 62 k.
 */
const SLICE_ROWS = 2 * 122_880;

/** Bytes per recent (customer, SKU) fact in the co-buyer self-join, whose working set grows with the base. */
const FACT_BYTES = 40;

const WORK = ['sku', 'bought', 'customer', 'owned', 'pairs', 'buyers', 'neighbours', 'popular', 'result'];

/**
 * Every customer's recommendations as of `asOf` (RECOMMEND_METHOD), in work tables: the facts once (SKUs and
 * customers numbered, every customer × SKU bought and whether it is a recent one), the co-buyer counts of
 * SKU pairs added up over customer partitions, the neighbours and the popular SKUs (SKU-level, small), then
 * the scores and the top `top` of each customer, slice by slice of each partition. `use` gets the SELECT of
 * the rows people read (labelledSql's columns) while the work tables exist. They are built outside `use`'s
 * transaction: the engine scans what a transaction has not yet committed on one thread.
 */
export async function withRecommendations<T>(
  ws: Workspace,
  asOf: string,
  top: number,
  exclude: readonly string[],
  use: (rows: string) => Promise<T>,
): Promise<T> {
  const facts = [asOf, ...exclude];
  const where = purchasesWhere(2, exclude.length);
  try {
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_sku AS ${skuIdsSql(where)}`, facts);
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_bought AS ${ownedSql(where, 'rec_sku')}`, facts);
    const bought = Number(await ws.scalar(`SELECT count(*) FROM rec_bought`));
    const parts = await numberCustomers(ws, partitionsFor(ws, bought * FACT_BYTES));
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_owned AS
      SELECT c, k, last_ts, true AS recent FROM rec_bought JOIN rec_customer USING (customer_id)
      WHERE skus <= ${RECOMMEND_LIMITS.itemsPerCustomer}
      UNION ALL
      SELECT c, k, last_ts, ${RECENT} FROM rec_bought JOIN rec_customer USING (customer_id)
      WHERE skus > ${RECOMMEND_LIMITS.itemsPerCustomer}
      ORDER BY c`);
    await ws.run(`DROP TABLE rec_bought`);
    const recent = `(SELECT c, k FROM rec_owned WHERE recent)`;
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_pairs (a INTEGER, b INTEGER, co BIGINT)`);
    for (const [lo, hi] of parts) {
      await ws.run(`INSERT INTO rec_pairs ${coBuyersSql(recent, { where: `x.c BETWEEN ${lo} AND ${hi}` })}`);
    }
    if (parts.length > 1) {
      await ws.run(
        `CREATE OR REPLACE TEMP TABLE rec_pairs AS SELECT a, b, sum(co) AS co FROM rec_pairs GROUP BY a, b`,
      );
    }
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_buyers AS ${buyersSql(recent)}`);
    await ws.run(
      `CREATE OR REPLACE TEMP TABLE rec_neighbours AS ${neighboursSql(bothWaysSql('rec_pairs'), 'rec_buyers')}`,
    );
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_popular AS ${popularSql('rec_owned', '$2')}`, [asOf, top]);
    const key = rankKey(Number(await ws.scalar(`SELECT count(*) + 1 FROM rec_sku`)));
    await ws.run(`CREATE OR REPLACE TEMP TABLE rec_result
      (c INTEGER, rank INTEGER, k INTEGER, score DOUBLE, source VARCHAR, because INTEGER)`);
    for (const range of await slices(ws, parts)) {
      const scope = {
        targets: `SELECT c FROM rec_customer WHERE ${range}`,
        seeds: `SELECT c, k FROM rec_owned WHERE recent AND ${range}`,
        owned: `SELECT c, k FROM rec_owned WHERE ${range}`,
      };
      const sql = recommendationsSql(scope, 'rec_neighbours', 'rec_popular', '$1', key);
      await ws.run(`INSERT INTO rec_result ${sql}`, [top]);
    }
    const result = `(SELECT u.customer_id, r.* EXCLUDE (c) FROM rec_result r JOIN rec_customer u USING (c))`;
    return await use(labelledSql(result, 'rec_sku'));
  } finally {
    for (const table of WORK) await ws.run(`DROP TABLE IF EXISTS rec_${table}`);
  }
}

/**
 * Numbers the customers of `rec_bought` from 1 into `rec_customer` (with how many SKUs each bought), partition
 * by partition, so that each partition is one range of numbers (returned as [first, last]), which the work
 * tables, ordered by number, can skip to.
 */
async function numberCustomers(ws: Workspace, parts: Partitions): Promise<[number, number][]> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE rec_customer (customer_id VARCHAR, c INTEGER, skus INTEGER)`);
  const ranges: [number, number][] = [];
  let next = 1;
  for (let part = 0; part < parts.count; part++) {
    await ws.run(
      `INSERT INTO rec_customer
       SELECT customer_id, ${next} - 1 + row_number() OVER (ORDER BY customer_id), skus
       FROM (SELECT customer_id, count(*) AS skus FROM rec_bought
             WHERE ${parts.filter('customer_id', part)} GROUP BY customer_id)`,
    );
    const n = Number(await ws.scalar(`SELECT count(*) FROM rec_customer WHERE c >= ${next}`));
    if (n > 0) ranges.push([next, next + n - 1]);
    next += n;
  }
  return ranges;
}

/** Each partition's customers cut into ranges of about SLICE_ROWS recent SKUs, as SQL conditions on `c`. */
async function slices(ws: Workspace, parts: readonly [number, number][]): Promise<string[]> {
  const out: string[] = [];
  for (const [lo, hi] of parts) {
    const rows = Number(
      await ws.scalar(`SELECT count(*) FROM rec_owned WHERE recent AND c BETWEEN ${lo} AND ${hi}`),
    );
    const size = Math.ceil((hi - lo + 1) / Math.max(1, Math.ceil(rows / SLICE_ROWS)));
    for (let from = lo; from <= hi; from += size)
      out.push(`c BETWEEN ${from} AND ${Math.min(hi, from + size - 1)}`);
  }
  return out;
}

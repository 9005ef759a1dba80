/**
 * One measured operation, run in its own process so that its time and peak memory are its own:
 *   tsx bench/task.ts <operation> <csv file> <workspace file>
 * Prints {"seconds":…, "max_rss_mb":…} on stdout.
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../src/db/workspace.js';
import { literal } from '../src/db/sql.js';
import { ingestFile } from '../src/ingest/load.js';
import { profileSql } from '../src/profile/profile-sql.js';
import { resolveAsOf } from '../src/profile/as-of.js';
import { analyze } from '../src/analyze/analyze.js';

const [operation, file, db] = process.argv.slice(2) as [string, string, string];

async function bare(sql: string): Promise<number> {
  for (const suffix of ['', '.wal']) rmSync(db + suffix, { force: true });
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(sql);
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  instance.closeSync();
  return seconds;
}

async function timed(fn: (ws: Workspace) => Promise<unknown>, fresh: boolean): Promise<number> {
  if (fresh) for (const suffix of ['', '.wal']) rmSync(db + suffix, { force: true });
  const ws = await Workspace.open(db);
  const started = performance.now();
  await fn(ws);
  const seconds = (performance.now() - started) / 1000;
  ws.close();
  return seconds;
}

async function run(): Promise<number> {
  switch (operation) {
    case 'read_csv':
      return bare(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(file)})`);
    case 'group_by':
      return bare(
        `CREATE TABLE g AS SELECT customer_id, count(*) AS n, count(DISTINCT order_id) AS orders, sum(amount) AS s, max(date) AS last
         FROM read_csv(${literal(file)}) GROUP BY customer_id`,
      );
    case 'ingest':
      return timed((ws) => ingestFile(ws, file), true);
    case 'profile':
      return timed(async (ws) => {
        const asOf = await resolveAsOf(ws, undefined);
        await ws.run(`CREATE TEMP TABLE p AS ${profileSql()}`, [asOf]);
      }, false);
    case 'analyze':
      return timed((ws) => analyze(ws, { months: 24 }), false);
    default:
      throw new Error(`unknown operation ${operation}`);
  }
}

const seconds = await run();
process.stdout.write(`${JSON.stringify({ seconds, max_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);

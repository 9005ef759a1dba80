/**
 * `npm run bench:clickhouse`: `clientele demo --customers N --seed 7` (N = BENCH_CLICKHOUSE_CUSTOMERS, default
 * 10000000: about 100 M sales lines) inserted into a two-shard ClickHouse cluster on loopback ports (the test
 * harness's, test/helpers/clickhouse-cluster.ts: Debian's clickhouse-server, a MergeTree table per shard and a
 * Distributed table over them, sharded by a hash of the customer). Then, side by side in one run, each in its
 * own process under GNU time (bench/scale-step.ts): the file ingest of the demo's sales.csv into one workspace
 * and the link of the Distributed table into another. Reported: seconds, peak RSS, the bytes that moved (the
 * file's size; the compressed CSV the link received), the rows stored, and whether the two workspaces hold the
 * same lines. The section of BENCHMARKS.md between `<!-- bench:clickhouse -->` markers is rewritten.
 * BENCH_CLICKHOUSE_KEEP=1 keeps the generated files and workspaces.
 */
import { spawn } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { spillFolder } from '../src/db/spill.js';
import type { DemoResult } from '../src/demo/index.js';
import { createShardedTable, startCluster, type TestCluster } from '../test/helpers/clickhouse-cluster.js';
import { measureStep, type StepResult } from './scale-step.js';
import { CLICKHOUSE_SECTION, withSection } from './sections.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/clientele.js');
const DIR = join(ROOT, 'bench-data/clickhouse');
const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;
const CUSTOMERS = Number((env('BENCH_CLICKHOUSE_CUSTOMERS') ?? '10000000').replaceAll('_', ''));
const KEEP = env('BENCH_CLICKHOUSE_KEEP') === '1';
const log = (text: string): void => void process.stderr.write(`[bench:clickhouse] ${text}\n`);

const SALES_COLUMNS =
  'order_id String, customer_id String, date DateTime, sku String, quantity Float64, price Float64, amount Float64, store String, channel String';

function removeWorkspace(path: string): void {
  for (const p of [path, `${path}.wal`, spillFolder(path)]) rmSync(p, { recursive: true, force: true });
}

/** Streams a CSV file into the Distributed table with clickhouse-client (the native protocol). */
async function insertFile(cluster: TestCluster, file: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'clickhouse-client',
      [
        '--port',
        String(cluster.tcpPorts[0]),
        '--insert_distributed_sync=1',
        '--query',
        'INSERT INTO demo.sales FORMAT CSVWithNames',
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    createReadStream(file).pipe(child.stdin);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`clickhouse-client: ${err}`))));
  });
  return (performance.now() - started) / 1000;
}

/** A digest of every line of a workspace (all columns but the load), to show the two hold the same lines. */
async function linesDigest(path: string): Promise<string> {
  const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    const r = await c.runAndReadAll(
      `SELECT count(*)::VARCHAR || ':' || sum(hash(customer_id, order_id, ts, amount, quantity, sku, store, channel))::VARCHAR FROM sales`,
    );
    return String(r.getRows()[0]?.[0]);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

interface Result {
  customers: number;
  sales_lines: number;
  measured_on: string;
  file_bytes: number;
  insert_seconds: number;
  file: StepResult;
  link: StepResult;
  link_wire_bytes: number | null;
  link_months: number | null;
  same_lines: boolean;
}

function fmt(r: Result): string {
  const gb = (mb: number | null): string => (mb === null ? '?' : `${(mb / 1000).toFixed(2)} GB`);
  const bytes = (b: number | null): string => (b === null ? '?' : `${(b / 1e9).toFixed(2)} GB`);
  const ratio = r.file.seconds > 0 ? r.link.seconds / r.file.seconds : NaN;
  const byteRatio = r.link_wire_bytes === null ? NaN : r.link_wire_bytes / r.file_bytes;
  const mark = (ok: boolean): string => (ok ? '✓' : '✗');
  return [
    '## Sales in ClickHouse: link vs file ingest (`npm run bench:clickhouse`)',
    '',
    `\`clientele demo --customers ${r.customers.toLocaleString('en')} --seed 7\` (${r.sales_lines.toLocaleString('en')} sales lines) ` +
      `inserted into a two-shard ClickHouse 18.16 cluster on loopback ports (Distributed table, sharded by customer; insert ${r.insert_seconds.toFixed(0)} s), ` +
      `measured on ${r.measured_on}. Each step in its own process; peak RSS of that process.`,
    '',
    '| step | seconds | peak RSS | bytes moved | rows stored |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| file ingest of sales.csv | ${r.file.seconds.toFixed(1)} | ${gb(r.file.max_rss_mb)} | ${bytes(r.file_bytes)} (the file) | ${r.sales_lines.toLocaleString('en')} lines |`,
    `| link (\`ingest clickhouse://…\`)${r.link.ok ? '' : ` FAILED: ${r.link.error ?? ''}`} | ${r.link.seconds.toFixed(1)} | ${gb(r.link.max_rss_mb)} | ${bytes(r.link_wire_bytes)} (compressed CSV of the mapped columns) | ${r.sales_lines.toLocaleString('en')} lines in ${r.link_months ?? '?'} month loads |`,
    '',
    `- bytes moved by the link / the file: ${byteRatio.toFixed(2)} ${mark(byteRatio <= 1 / 3)} (target ≤ 0.33)`,
    `- link time / file ingest time: ${ratio.toFixed(2)} ${mark(ratio <= 1)} (target ≤ 1)`,
    `- local peak RSS of the link: ${gb(r.link.max_rss_mb)} ${mark((r.link.max_rss_mb ?? Infinity) < 4000)} (target < 4 GB)`,
    `- the two workspaces hold the same lines: ${r.same_lines ? 'yes' : 'NO'}`,
    '',
    'The link transfers lines (only the mapped columns, compressed) and reduces them in the workspace; the',
    'reduction to customer facts in the cluster (ARCHITECTURE.md, "Sales in ClickHouse") is what would cut the',
    'bytes, the time and the local memory to what grows with customers.',
  ].join('\n');
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const root = join(DIR, String(CUSTOMERS));
  const demoDir = join(root, 'demo');
  mkdirSync(root, { recursive: true });
  const saved = join(demoDir, 'result.json');
  let demo: DemoResult;
  if (existsSync(saved) && existsSync((JSON.parse(readFileSync(saved, 'utf8')) as DemoResult).files.sales)) {
    demo = JSON.parse(readFileSync(saved, 'utf8')) as DemoResult;
    log(`reusing the demo in ${demoDir}`);
  } else {
    log(`demo --customers ${CUSTOMERS} …`);
    const r = await measureStep(
      'demo',
      [CLI, 'demo', '--customers', String(CUSTOMERS), '--seed', '7', '--out', demoDir, '--json'],
      demoDir,
    );
    if (!r.ok) throw new Error(`demo failed: ${r.error}`);
    demo = r.output as DemoResult;
    writeFileSync(saved, JSON.stringify(demo));
  }
  const salesFile = demo.files.sales;
  log('starting a two-shard ClickHouse cluster …');
  const cluster = await startCluster();
  try {
    await createShardedTable(cluster, 'demo', 'sales', SALES_COLUMNS, 'customer_id', 'date');
    log('inserting the sales into the cluster …');
    const insertSeconds = await insertFile(cluster, salesFile);
    log(`inserted in ${insertSeconds.toFixed(0)} s`);

    const fileWs = join(root, 'file.duckdb');
    const linkWs = join(root, 'link.duckdb');
    removeWorkspace(fileWs);
    removeWorkspace(linkWs);
    log('file ingest …');
    const file = await measureStep(
      'ingest sales.csv',
      [CLI, 'ingest', salesFile, '--workspace', fileWs],
      fileWs,
    );
    log(`file ingest: ${file.seconds.toFixed(1)} s, peak RSS ${file.max_rss_mb} MB`);
    log('link …');
    const address = `clickhouse://default@127.0.0.1:${cluster.httpPorts[0]}/demo/sales`;
    const link = await measureStep(
      'ingest clickhouse://',
      [CLI, 'ingest', address, '--workspace', linkWs, '--json'],
      linkWs,
    );
    log(
      `link: ${link.ok ? 'ok' : `FAILED (${link.error})`} ${link.seconds.toFixed(1)} s, peak RSS ${link.max_rss_mb} MB`,
    );
    const out = (link.output ?? {}) as { bytes_transferred?: number; months?: { loaded: string[] } };
    delete link.output;
    delete file.output;
    const result: Result = {
      customers: CUSTOMERS,
      sales_lines: demo.counts.salesLines,
      measured_on: new Date().toISOString().slice(0, 10),
      file_bytes: statSync(salesFile).size,
      insert_seconds: insertSeconds,
      file,
      link,
      link_wire_bytes: out.bytes_transferred ?? null,
      link_months: out.months?.loaded.length ?? null,
      same_lines: file.ok && link.ok && (await linesDigest(fileWs)) === (await linesDigest(linkWs)),
    };
    writeFileSync(join(DIR, `results-${CUSTOMERS}.json`), JSON.stringify(result, null, 2));
    const md = join(ROOT, 'BENCHMARKS.md');
    const old = existsSync(md) ? readFileSync(md, 'utf8') : '# Benchmarks\n';
    writeFileSync(md, withSection(old, CLICKHOUSE_SECTION, fmt(result)));
    process.stdout.write(`${fmt(result)}\n`);
    if (!KEEP) {
      removeWorkspace(fileWs);
      removeWorkspace(linkWs);
    }
  } finally {
    await cluster.stop();
    if (!KEEP) rmSync(demoDir, { recursive: true, force: true });
  }
  log('done');
}

await main();

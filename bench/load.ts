/**
 * `npm run bench:load`: the API under load. A demo workspace of BENCH_LOAD_CUSTOMERS customers (default
 * 1000000) is ingested, analyzed, predicted and recommended once (kept in bench-data/load/N), then served by
 * `clientele serve` in its own process on 127.0.0.1. autocannon sends the GET requests of the web app's pages
 * in the proportions a dashboard makes them, with 1, 10 and 100 keep-alive connections (BENCH_LOAD_SECONDS
 * each, default 60 for 100 and 20 for the others); during the 100-connection run an ingest job (the customers
 * file) and an analyze job run in the background. Reported: requests, failed ones (anything but 2xx and the
 * documented 409 "not computed yet"), p50/p95/p99 latency, and the server's peak RSS (VmHWM). The section of
 * BENCHMARKS.md between `<!-- bench:load -->` markers is rewritten. Traffic goes only to 127.0.0.1 and every
 * run is bounded in time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../test/helpers/ports.js';
import { LOAD_SECTION, withSection } from './sections.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/clientele.js');
const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;
const CUSTOMERS = Number((env('BENCH_LOAD_CUSTOMERS') ?? '1000000').replaceAll('_', ''));
const SECONDS = env('BENCH_LOAD_SECONDS') === undefined ? undefined : Number(env('BENCH_LOAD_SECONDS'));
const DIR = join(ROOT, 'bench-data/load', String(CUSTOMERS));
const TOKEN = 'bench-load-token-0123456789';
const log = (text: string): void => void process.stderr.write(`[bench:load] ${text}\n`);

/** The GET requests of the web app's pages, each with how many times a dashboard asks it per round. */
const REQUESTS: [string, number][] = [
  ['/api/status', 3],
  ['/api/profile/summary', 2],
  ['/api/overview/monthly', 2],
  ['/api/profile?limit=50', 2],
  ['/api/customers/C0000001', 1],
  ['/api/rfm', 2],
  ['/api/segments?limit=50', 1],
  ['/api/products?limit=50', 1],
  ['/api/pivot?rows=stage', 1],
  ['/api/pivot/options', 1],
  ['/api/flows', 1],
  ['/api/cohorts', 1],
  ['/api/structure', 1],
  ['/api/models/status', 2],
  ['/api/predictions', 1],
  ['/api/predictions/at-risk?limit=50', 1],
  ['/api/predictions/stages', 1],
  ['/api/campaigns', 1],
  ['/api/campaigns/fields', 1],
  ['/api/loads', 1],
  ['/api/metrics', 1],
];

function cli(...args: string[]): void {
  execFileSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The demo workspace, analyzed, predicted and recommended (built once and kept). */
function workspace(): { path: string; customersFile: string } {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, 'ws.duckdb');
  const demo = join(DIR, 'demo');
  const ready = join(DIR, 'ready');
  if (!existsSync(ready)) {
    log(`building a ${CUSTOMERS.toLocaleString('en')}-customer workspace …`);
    cli('demo', '--customers', String(CUSTOMERS), '--seed', '7', '--out', demo);
    for (const f of ['sales', 'customers', 'products'])
      cli('ingest', join(demo, `${f}.csv`), '--workspace', path);
    cli('analyze', '--workspace', path);
    cli('predict', '--snapshots', '--workspace', path);
    cli('recommend', '--workspace', path);
    writeFileSync(ready, new Date().toISOString());
  }
  return { path, customersFile: join(demo, 'customers.csv') };
}

/** The peak resident memory of a process so far (Linux VmHWM), MB. */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1000 : null;
  } catch {
    return null;
  }
}

interface Run {
  connections: number;
  seconds: number;
  requests: number;
  failed: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  jobs: string;
}

async function load(base: string, connections: number, seconds: number, background: boolean): Promise<Run> {
  const round = REQUESTS.flatMap(([path, times]) => Array.from({ length: times }, () => path));
  const statuses: Record<string, number> = {};
  let jobs = 'none';
  const auth = { authorization: `Bearer ${TOKEN}` };
  const started = background
    ? (async () => {
        const form = new FormData();
        form.set('file', new Blob([readFileSync(workspace().customersFile)]), 'customers.csv');
        form.set('kind', 'customers');
        const ingest = await fetch(`${base}/api/ingest`, { method: 'POST', headers: auth, body: form });
        const analyze = await fetch(`${base}/api/analyze`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({}),
        });
        jobs = `ingest ${ingest.status}, analyze ${analyze.status}`;
      })()
    : Promise.resolve();
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: auth,
    requests: round.map((path) => ({
      method: 'GET',
      path,
      onResponse: (status: number) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
      },
    })),
  });
  await started;
  const failed = Object.entries(statuses)
    .filter(([s]) => !(Number(s) >= 200 && Number(s) < 300) && s !== '409')
    .reduce((a, [, n]) => a + n, 0);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    failed: failed + result.errors + result.timeouts,
    statuses,
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    p99: result.latency.p99,
    rps: result.requests.average,
    jobs,
  };
}

async function main(): Promise<void> {
  const ws = workspace();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [CLI, 'serve', '--workspace', ws.path, '--port', String(port)], {
    env: { ...process.env, CLIENTELE_TOKEN: TOKEN },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 600; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const runs: Run[] = [];
    for (const [connections, background] of [
      [1, false],
      [10, false],
      [100, true],
    ] as const) {
      const seconds = SECONDS ?? (connections === 100 ? 60 : 20);
      log(
        `${connections} connection(s), ${seconds} s${background ? ', with an ingest and an analyze job' : ''} …`,
      );
      const run = await load(base, connections, seconds, background);
      log(`${run.requests} requests, ${run.failed} failed, p50 ${run.p50} ms, p99 ${run.p99} ms`);
      runs.push(run);
    }
    const rss = peakRssMb(server.pid!);
    const text = [
      '## The API under load (`npm run bench:load`)',
      '',
      `A ${CUSTOMERS.toLocaleString('en')}-customer demo workspace (analyzed, predicted with snapshots, recommended) served by ` +
        `\`clientele serve\` in its own process; autocannon sends the GET requests of the web app's pages (${REQUESTS.length} kinds, ` +
        `weighted as a dashboard asks them) over keep-alive connections, measured on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| connections | seconds | requests | per second | failed | p50 ms | p97.5 ms | p99 ms | background jobs |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...runs.map(
        (r) =>
          `| ${r.connections} | ${r.seconds} | ${r.requests.toLocaleString('en')} | ${r.rps.toFixed(0)} | ${r.failed} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.jobs} |`,
      ),
      '',
      `Server peak RSS: ${rss === null ? '?' : `${(rss / 1000).toFixed(2)} GB`}. Failed: answers other than 2xx and the documented 409, connection errors, and requests with no answer within autocannon's 10 s. Targets at 100 connections: 0 failed, p99 ≤ 2 s, RSS within the workspace's memory budget.`,
      `Answers by status at 100 connections: ${Object.entries(runs[2]?.statuses ?? {})
        .map(([s, n]) => `${s}: ${n.toLocaleString('en')}`)
        .join(', ')}.`,
    ].join('\n');
    const md = join(ROOT, 'BENCHMARKS.md');
    writeFileSync(
      md,
      withSection(existsSync(md) ? readFileSync(md, 'utf8') : '# Benchmarks\n', LOAD_SECTION, text),
    );
    process.stdout.write(`${text}\n`);
  } finally {
    // The server finishes its running jobs before it stops; the bench does not wait more than 30 s for that.
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

await main();

/**
 * `npm run bench:scale`: what the scale issue asks, measured on `clientele demo --customers N --seed 7` for each
 * N in BENCH_SCALE_CUSTOMERS (default 100000,1000000,10000000: about 1 M, 10 M and 100 M sales lines). Every
 * step is `node bin/clientele.js …` in its own process with default settings (bench/scale-step.ts: seconds, peak
 * RSS, peak spill):
 *   full workspace   ingest (sales, customers, products), profile --out, analyze, predict, predict --snapshots,
 *                    recommend; on the largest size also the API (bench/api.ts, in its own process);
 *   incremental      the demo split at the first day of its last month (demo --split-at): ingest the first
 *                    file, customers and products, analyze, predict --snapshots, recommend; then ingest the
 *                    last month and analyze, predict --snapshots, recommend again (the incremental refresh).
 * Results of each size are kept in bench-data/scale/results-N.json, so a run can be resumed: sizes with results
 * are not measured again unless BENCH_SCALE_REDO names them (or is `all`). BENCH_SCALE_API=0 skips the API,
 * BENCH_SCALE_TIMEOUT_S stops a step after that many seconds, BENCH_SCALE_KEEP=1 keeps the generated files
 * and workspaces (by default each is deleted once measured: 100 M lines take tens of GB). The section of
 * BENCHMARKS.md between `<!-- bench:scale -->` markers is rewritten from every size's results (bench/sections.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spillFolder } from '../src/db/spill.js';
import type { DemoResult } from '../src/demo/index.js';
import { scaleReport, type SizeResult } from './scale-report.js';
import { measureStep, type StepResult } from './scale-step.js';
import { SCALE_SECTION, withSection } from './sections.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/clientele.js');
const DIR = join(ROOT, 'bench-data/scale');
const SEED = 7;
const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;
const SIZES = (env('BENCH_SCALE_CUSTOMERS') ?? '100000,1000000,10000000')
  .split(',')
  .map((s) => Number(s.replaceAll('_', '')));
const REDO = env('BENCH_SCALE_REDO') ?? '';
const API = env('BENCH_SCALE_API') !== '0';
const KEEP = env('BENCH_SCALE_KEEP') === '1';
const TIMEOUT = env('BENCH_SCALE_TIMEOUT_S') === undefined ? undefined : Number(env('BENCH_SCALE_TIMEOUT_S'));

const log = (text: string): void => void process.stderr.write(`[bench:scale] ${text}\n`);
const gb = (mb: number | null): string => (mb === null ? '?' : `${(mb / 1000).toFixed(2)} GB`);

function redo(customers: number): boolean {
  return REDO === 'all' || REDO.split(',').map(Number).includes(customers);
}

function removeWorkspace(path: string): void {
  for (const p of [path, `${path}.wal`, spillFolder(path)]) rmSync(p, { recursive: true, force: true });
}

/** Runs and logs one step; `record` collects it. */
async function step(
  record: StepResult[],
  label: string,
  name: string,
  args: string[],
  workspace: string,
): Promise<StepResult> {
  log(`${label} ${name} …`);
  const r = await measureStep(name, args, workspace, TIMEOUT);
  record.push(r);
  log(
    `${label} ${name}: ${r.ok ? 'ok' : `FAILED (${r.error})`} ${r.seconds.toFixed(1)} s, peak RSS ${gb(r.max_rss_mb)}, spill ${gb(r.spill_peak_mb)}`,
  );
  return r;
}

/** `clientele demo` into `dir` (reused when a previous run wrote the same demo there). */
async function demo(
  record: StepResult[],
  label: string,
  customers: number,
  dir: string,
  splitAt?: string,
): Promise<DemoResult | undefined> {
  const saved = join(dir, 'result.json');
  if (existsSync(saved)) {
    const old = JSON.parse(readFileSync(saved, 'utf8')) as DemoResult;
    if (Object.values(old.files).every((f) => existsSync(f))) {
      log(`${label} reusing the demo in ${dir}`);
      return old;
    }
  }
  const split = splitAt ? ['--split-at', splitAt] : [];
  const args = [
    CLI,
    'demo',
    '--customers',
    String(customers),
    '--seed',
    String(SEED),
    '--out',
    dir,
    ...split,
  ];
  const r = await step(
    record,
    label,
    splitAt ? `demo --split-at ${splitAt}` : 'demo',
    [...args, '--json'],
    dir,
  );
  if (!r.ok || typeof r.output !== 'object') return undefined;
  const result = r.output as DemoResult;
  delete r.output;
  writeFileSync(saved, JSON.stringify(result));
  return result;
}

async function measureSize(customers: number, withApi: boolean, commit: string): Promise<SizeResult> {
  const root = join(DIR, String(customers));
  mkdirSync(root, { recursive: true });
  const label = `[${customers.toLocaleString('en')} customers]`;
  const result: SizeResult = {
    customers,
    sales_lines: null,
    split_at: null,
    measured_on: new Date().toISOString().slice(0, 10),
    commit,
    demo: [],
    full: [],
    api: null,
    incremental_setup: [],
    incremental: [],
  };
  const cli = (...args: string[]): string[] => [CLI, ...args];

  const whole = await demo(result.demo, label, customers, join(root, 'demo'));
  const full = join(root, 'full.duckdb');
  removeWorkspace(full);
  if (whole) {
    result.sales_lines = whole.counts.salesLines;
    const ws = ['--workspace', full];
    for (const table of ['sales', 'customers', 'products'] as const) {
      const file = whole.files[table];
      await step(result.full, label, `ingest ${basename(file)}`, cli('ingest', file, ...ws), full);
    }
    const profile = join(root, 'profile.parquet');
    await step(result.full, label, 'profile', cli('profile', '--out', profile, ...ws), full);
    rmSync(profile, { force: true });
    await step(result.full, label, 'analyze', cli('analyze', '--json', ...ws), full);
    await step(result.full, label, 'predict', cli('predict', '--json', ...ws), full);
    await step(
      result.full,
      label,
      'predict --snapshots',
      cli('predict', '--snapshots', '--json', ...ws),
      full,
    );
    await step(result.full, label, 'recommend', cli('recommend', '--json', ...ws), full);
    if (withApi) {
      const api = ['--import', 'tsx', join(ROOT, 'bench/api.ts'), full];
      result.api = await step([], label, 'API (bench/api.ts)', api, full);
    }
    result.split_at = `${whole.end.slice(0, 7)}-01`;
  }
  if (!KEEP) {
    removeWorkspace(full);
    rmSync(join(root, 'demo'), { recursive: true, force: true });
  }

  const parts = result.split_at
    ? await demo(result.demo, label, customers, join(root, 'demo-split'), result.split_at)
    : undefined;
  const inc = join(root, 'incremental.duckdb');
  removeWorkspace(inc);
  if (parts?.files.salesFrom) {
    const ws = ['--workspace', inc];
    const setup = result.incremental_setup;
    for (const table of ['sales', 'customers', 'products'] as const) {
      const file = parts.files[table];
      await step(setup, label, `ingest ${basename(file)}`, cli('ingest', file, ...ws), inc);
    }
    await step(setup, label, 'analyze', cli('analyze', '--json', ...ws), inc);
    await step(setup, label, 'predict --snapshots', cli('predict', '--snapshots', '--json', ...ws), inc);
    await step(setup, label, 'recommend', cli('recommend', '--json', ...ws), inc);
    const again = result.incremental;
    const last = parts.files.salesFrom;
    await step(again, label, `ingest ${basename(last)}`, cli('ingest', last, ...ws), inc);
    await step(again, label, 'analyze', cli('analyze', '--json', ...ws), inc);
    await step(again, label, 'predict --snapshots', cli('predict', '--snapshots', '--json', ...ws), inc);
    await step(again, label, 'recommend', cli('recommend', '--json', ...ws), inc);
  }
  if (!KEEP) {
    removeWorkspace(inc);
    rmSync(join(root, 'demo-split'), { recursive: true, force: true });
  }
  for (const r of [...result.full, ...result.incremental_setup, ...result.incremental]) keepCounts(r);
  return result;
}

/** Of a step's JSON output, keeps only the snapshot counts the report shows. */
function keepCounts(r: StepResult): void {
  const out = r.output;
  delete r.output;
  if (typeof out !== 'object' || out === null) return;
  const o = out as Record<string, unknown>;
  const count = (v: unknown): number | undefined =>
    Array.isArray(v) ? v.length : typeof v === 'number' ? v : undefined;
  const computed = count(o['snapshots_computed']);
  const kept = count(o['snapshots_kept']);
  if (computed !== undefined || kept !== undefined) {
    r.output = { snapshots_computed: computed ?? null, snapshots_kept: kept ?? null };
  }
}

async function main(): Promise<void> {
  if (SIZES.some((n) => !Number.isSafeInteger(n) || n < 1))
    throw new Error(`BENCH_SCALE_CUSTOMERS must list whole numbers; got "${env('BENCH_SCALE_CUSTOMERS')}"`);
  if (!existsSync(join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(DIR, { recursive: true });
  const disk = statfsSync(DIR);
  log(`sizes ${SIZES.join(', ')} customers; ${((disk.bavail * disk.bsize) / 1e9).toFixed(0)} GB free disk`);
  const largest = Math.max(...SIZES);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  for (const customers of SIZES) {
    const file = join(DIR, `results-${customers}.json`);
    if (existsSync(file) && !redo(customers)) {
      const old = (JSON.parse(readFileSync(file, 'utf8')) as SizeResult).commit;
      log(
        `${customers} customers: results of commit ${old} kept (now ${commit}); BENCH_SCALE_REDO=${customers} measures again`,
      );
      continue;
    }
    const result = await measureSize(customers, API && customers === largest, commit);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  }
  const results = SIZES.map((n) => join(DIR, `results-${n}.json`))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as SizeResult);
  const section = scaleReport(results);
  const path = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  writeFileSync(path, withSection(old, SCALE_SECTION, section));
  process.stdout.write(`${section}\n`);
}

await main();

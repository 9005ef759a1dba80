/**
 * `npm run bench`: the engine side by side with the baselines the issues name, in one run, on demo data.
 *   ingest   vs DuckDB's bare read_csv of the same file      (target: within 1.5×)
 *   profile  vs a bare GROUP BY over the same file            (target: within 3×)
 *   analyze  (24 snapshots) vs one profile                   (target: under 10×)
 *   api      every page's requests on the largest workspace (target: no page waits over 1 s; bench/api.ts)
 * Each operation runs in its own process, three times, interleaved; medians and ratios are printed and
 * written to BENCHMARKS.md together with the other benchmarks of this folder; the section that
 * `npm run bench:scale` wrote there (bench/sections.ts) is kept.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../src/demo/index.js';
import { OWN_SECTIONS, sectionBody, withSection } from './sections.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DATA = join(ROOT, 'bench-data');
const REPEAT = Number(process.env['BENCH_REPEAT'] ?? 3);
const LINES = (process.env['BENCH_LINES'] ?? '1000000,10000000').split(',').map(Number);

interface Measure {
  seconds: number;
  max_rss_mb: number;
}

function task(op: string, file: string, db: string): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/task.ts'), op, file, db], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function demoFile(lines: number): Promise<{ file: string; lines: number }> {
  const dir = join(DATA, `demo-${lines}`);
  const file = join(dir, 'sales.csv');
  const manifest = join(dir, 'lines.txt');
  if (!existsSync(file) || !existsSync(manifest)) {
    mkdirSync(dir, { recursive: true });
    // The demo retailer writes about ten sales lines per customer.
    const result = await generateDemo({
      customers: Math.round(lines / 10),
      seed: 1,
      outDir: dir,
      format: 'csv',
    });
    writeFileSync(manifest, String(result.counts.salesLines));
  }
  return { file, lines: Number(readFileSync(manifest, 'utf8')) };
}

async function main(): Promise<void> {
  const sections: string[] = [];
  const rows: string[] = [];
  for (const target of LINES) {
    const { file, lines } = await demoFile(target);
    const db = join(DATA, `bench-${target}.duckdb`);
    const bare = join(DATA, `bare-${target}.duckdb`);
    const m: Record<string, Measure[]> = { read_csv: [], ingest: [], group_by: [], profile: [], analyze: [] };
    for (let i = 0; i < REPEAT; i++) {
      const order = i % 2 === 0 ? ['read_csv', 'ingest'] : ['ingest', 'read_csv'];
      for (const op of order) m[op]!.push(task(op, file, op === 'ingest' ? db : bare));
      const order2 = i % 2 === 0 ? ['group_by', 'profile'] : ['profile', 'group_by'];
      for (const op of order2) m[op]!.push(task(op, file, op === 'profile' ? db : bare));
      m['analyze']!.push(task('analyze', file, db));
      process.stderr.write(`${target} lines: round ${i + 1}/${REPEAT} done\n`);
    }
    const med = (op: string): number => median(m[op]!.map((x) => x.seconds));
    const rss = (op: string): number => Math.max(...m[op]!.map((x) => x.max_rss_mb));
    const ratio = (a: string, b: string): string => (med(a) / med(b)).toFixed(2);
    rows.push(
      `| ${lines.toLocaleString('en')} | ${med('read_csv').toFixed(2)} | ${med('ingest').toFixed(2)} | **${ratio('ingest', 'read_csv')}×** | ` +
        `${med('group_by').toFixed(2)} | ${med('profile').toFixed(2)} | **${ratio('profile', 'group_by')}×** | ` +
        `${med('analyze').toFixed(2)} | **${ratio('analyze', 'profile')}×** | ${rss('ingest').toFixed(0)} / ${rss('analyze').toFixed(0)} |`,
    );
  }
  sections.push(
    [
      '## Ingest, profile and analyze (issues 2 and 3)',
      '',
      `Demo sales CSV (seed 1), ${REPEAT} interleaved runs per operation, each in its own process; medians in seconds.`,
      'Baselines run in the same session: `CREATE TABLE t AS SELECT * FROM read_csv(file)` and a bare',
      '`GROUP BY customer_id` (count, distinct orders, sum, max date) over the same file.',
      'Targets: ingest ≤ 1.5× read_csv; profile ≤ 3× group-by; analyze (24 month-end snapshots) < 10× profile.',
      'analyze includes storing, for the web app, the profile and the monthly overview at its date (about one profile).',
      '',
      '| sales lines | read_csv | ingest | ingest / read_csv | group-by | profile | profile / group-by | analyze (24) | analyze / profile | peak RSS MB ingest / analyze |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
  // The web app's API on the largest workspace just analyzed (1 M customers at 10 M lines): its own process.
  const largest = Math.max(...LINES);
  sections.push(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/api.ts'), join(DATA, `bench-${largest}.duckdb`)],
      { encoding: 'utf8', maxBuffer: 1 << 22 },
    ).trim(),
  );
  for (const extra of ['models', 'clusters']) {
    const path = join(ROOT, 'bench', `${extra}.ts`);
    if (!existsSync(path)) continue;
    const mod = (await import(path)) as Record<string, unknown>;
    const fn = Object.values(mod).find(
      (v): v is (sizes: number[]) => Promise<string> => typeof v === 'function',
    );
    if (fn) sections.push(await fn([100_000, 1_000_000, ...(extra === 'models' ? [10_000_000] : [])]));
  }
  const header = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}. The machine is shared and noisy: compare the ratios,`,
    'which are measured side by side in one run, rather than the absolute seconds.',
  ].join('\n');
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let text = `${header}\n\n${sections.join('\n\n')}\n`;
  for (const name of OWN_SECTIONS) {
    const body = sectionBody(old, name);
    if (body !== undefined) text = withSection(text, name, body);
  }
  writeFileSync(file, text);
  process.stdout.write(text);
}

await main();

/** The Markdown section of `npm run bench:scale` (bench/scale.ts) from the results of each size. */
import { cpus, totalmem } from 'node:os';
import { machineBudget } from '../src/db/memory-budget.js';
import type { StepResult } from './scale-step.js';

export interface SizeResult {
  customers: number;
  sales_lines: number | null;
  /** The first day of the demo's last month: where the incremental workspace's sales are split. */
  split_at: string | null;
  measured_on: string;
  /** The commit measured (results of a size are reused by later runs: bench/scale.ts). */
  commit: string;
  demo: StepResult[];
  full: StepResult[];
  api: StepResult | null;
  incremental_setup: StepResult[];
  incremental: StepResult[];
}

const RSS_TARGET_MB = 8000;
const REFRESH_TARGET_S = 15 * 60;

const sec = (s: number | null): string => (s === null ? '—' : s.toFixed(1));
const gbText = (mb: number | null): string => (mb === null ? '—' : (mb / 1000).toFixed(2));
const lines = (r: SizeResult): string =>
  r.sales_lines === null
    ? `${r.customers.toLocaleString('en')} customers`
    : r.sales_lines.toLocaleString('en');

/** Seconds of the named steps together, or null when one is missing or failed. */
function total(steps: StepResult[], names: (name: string) => boolean): number | null {
  const chosen = steps.filter((s) => names(s.step));
  if (chosen.length === 0 || chosen.some((s) => !s.ok)) return null;
  return chosen.reduce((sum, s) => sum + s.seconds, 0);
}

const one = (steps: StepResult[], name: string): number | null => total(steps, (s) => s === name);
const isIngest = (name: string): boolean => name.startsWith('ingest');

function ratio(a: number | null, b: number | null, target: number): string {
  if (a === null || b === null || b === 0) return '—';
  const x = a / b;
  return `${x.toFixed(2)}× ${x <= target ? '✓' : '✗'} (≤ ${target}×)`;
}

function stepRow(size: string, s: StepResult, extra = ''): string {
  const rss =
    s.max_rss_mb === null ? '—' : `${gbText(s.max_rss_mb)}${s.max_rss_mb > RSS_TARGET_MB ? ' ✗' : ''}`;
  const outcome = s.ok ? sec(s.seconds) : `failed after ${sec(s.seconds)} s: ${s.error ?? ''}`;
  return `| ${size} | ${s.step} | ${outcome} | ${rss} | ${gbText(s.spill_peak_mb)} | ${gbText(s.workspace_mb)} |${extra}`;
}

/** `computed / kept` from a step's `--json` output, — when the command does not report them. */
function snapshotCounts(s: StepResult | undefined): string {
  const o = s?.output as { snapshots_computed?: number | null; snapshots_kept?: number | null } | undefined;
  const show = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));
  return `${show(o?.snapshots_computed)} / ${show(o?.snapshots_kept)}`;
}

export function scaleReport(results: SizeResult[]): string {
  const refreshRows: string[] = [];
  const stepRows: string[] = [];
  const incRows: string[] = [];
  for (const r of results) {
    const size = lines(r);
    const { full, incremental: inc } = r;
    for (const s of [...r.demo, ...full]) stepRows.push(stepRow(size, s));
    const profile = one(full, 'profile');
    const analyze = one(full, 'analyze');
    const predict = one(full, 'predict');
    const snapshots = one(full, 'predict --snapshots');
    const recommend = one(full, 'recommend');
    const ingest = total(full, isIngest);
    const refresh =
      ingest === null || analyze === null || snapshots === null || recommend === null
        ? null
        : ingest + analyze + snapshots + recommend;
    const incremental = inc.length ? total(inc, () => true) : null;
    const refreshText =
      refresh === null ? '—' : `${sec(refresh)} ${refresh <= REFRESH_TARGET_S ? '✓' : '✗'} (≤ 900)`;
    refreshRows.push(
      `| ${size} | ${sec(ingest)} | ${refreshText} | ${ratio(analyze, profile, 8)} | ${ratio(snapshots, predict, 4)} | ` +
        `${ratio(recommend, profile, 2)} | ${sec(incremental)} | ${ratio(incremental, refresh, 0.25)} |`,
    );
    for (const s of r.incremental_setup)
      incRows.push(stepRow(size, { ...s, step: `first: ${s.step}` }, ' |'));
    for (const s of inc) {
      const counts = s.step === 'analyze' || s.step === 'predict --snapshots' ? snapshotCounts(s) : '';
      incRows.push(stepRow(size, { ...s, step: `then: ${s.step}` }, ` ${counts} |`));
    }
  }
  const split = results.find((r) => r.split_at)?.split_at ?? 'the first day of the last month';
  const parts = [
    `## Scale: bounded memory, refresh and incremental refresh (\`npm run bench:scale\`)`,
    '',
    `Measured ${[...new Set(results.map((r) => `${r.measured_on} at commit ${r.commit}`))].join(', ')}: ${cpus().length} cores ` +
      `(${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; ` +
      `default memory budget now ${(machineBudget() / 1e9).toFixed(1)} GB. Data: \`clientele demo --customers N --seed 7\`. ` +
      'Every step is `node bin/clientele.js …` in its own process with default settings; peak RSS is that of the ' +
      'whole process (GNU time), peak spill the largest size of the workspace’s spill folder (polled every 0.5 s).',
    'Targets: every step ≤ 8 GB peak RSS; full refresh (ingest + analyze + predict --snapshots + recommend) ≤ 15 min at 100 M lines; ' +
      'analyze ≤ 8× profile; predict --snapshots ≤ 4× predict; recommend ≤ 2× profile; incremental refresh after one more month ≤ 0.25× the full refresh.',
    '',
    '| sales lines | ingest s | full refresh s | analyze / profile | predict --snapshots / predict | recommend / profile | incremental s | incremental / full |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...refreshRows,
    '',
    '### Every step: the demo data, then the full workspace',
    '',
    '| sales lines | step | seconds | peak RSS GB | peak spill GB | workspace GB after |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...stepRows,
    '',
    `### Incremental refresh: the demo split at ${split} (\`demo --split-at\`)`,
    '',
    'First the sales before that day with customers and products, analyzed, predicted and recommended; then the last',
    'month is loaded and the three steps run again (the incremental refresh is the sum of the "then" rows).',
    'Snapshots computed / kept as `analyze --json` and `predict --snapshots --json` report them (— where they do not).',
    '',
    '| sales lines | step | seconds | peak RSS GB | peak spill GB | workspace GB after | snapshots computed / kept |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...incRows,
  ];
  const api = results.find((r) => r.api)?.api;
  if (api) {
    parts.push(
      '',
      `### The web app's API on the largest workspace (bench/api.ts, server process peak RSS ${gbText(api.max_rss_mb)} GB)`,
      '',
    );
    if (!api.ok) parts.push(`Failed after ${sec(api.seconds)} s: ${api.error ?? ''}`);
    else if (typeof api.output === 'string') parts.push(api.output.replace(/^## .*\n+/, ''));
  }
  return parts.join('\n');
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { analyze, type AnalyzeOptions, type AnalyzeSummary } from '../../analyze/index.js';
import { validateRfmMap, STAGE_NAMES } from '../../segments/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum, json, table } from '../terminal-text.js';
import { commandProgress } from '../progress.js';

export function registerAnalyze(program: Command, ctx: Context): void {
  const cmd = program
    .command('analyze')
    .description(
      'Compute segments and lifecycle stages at each month end (and the as-of date) and store the history',
    )
    .option('--as-of <date>', 'last snapshot date, YYYY-MM-DD (default: the latest sale)')
    .option('--months <n>', 'month ends to compute before the as-of date', '24')
    .option('--rfm-levels <n>', 'RFM scores 1–5 (quintiles) or 1–3 (terciles)', '5')
    .option('--rfm-cuts <spec>', 'fixed RFM cut points instead of quantiles, e.g. "r=14,30,90,180;f=1,2,4,8"')
    .option(
      '--rfm-map <file>',
      'a JSON file with your own RFM segment map (see `clientele segments rfm --map`)',
    )
    .option('--abc <a,b>', 'ABC cumulative revenue shares in %, e.g. 80,95', '80,95')
    .option('--xyz <x,y>', 'XYZ coefficient of variation limits in %, e.g. 10,25', '10,25')
    .option('--kappa <k>', 'weight of the population rhythm, in gaps', '2')
    .option(
      '--full',
      'compute every snapshot again (default: keep those whose sales and options did not change)',
    )
    .option('--json', 'print the summary as JSON');
  workspaceOption(cmd).action(
    async (opts: Record<string, string | boolean | undefined>, command: Command) => {
      const options = parseAnalyzeOptions(opts);
      const progress = commandProgress(ctx, { json: Boolean(opts['json']) });
      const summary = await ctx
        .withWorkspace(command, (ws) =>
          analyze(ws, { ...options, ...(progress.listener ? { onProgress: progress.listener } : {}) }),
        )
        .finally(() => progress.end());
      ctx.io.out(opts['json'] ? json(summary) : describeAnalysis(summary));
    },
  );
}

function pair(value: string, flag: string): [number, number] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (
    parts.length !== 2 ||
    parts.some((p) => !Number.isFinite(p) || p <= 0 || p >= 100) ||
    parts[0]! >= parts[1]!
  ) {
    throw new InputError(
      `${flag} expects two increasing percentages between 0 and 100, e.g. ${flag} 80,95; got "${value}".`,
    );
  }
  return [parts[0]! / 100, parts[1]! / 100];
}

export function parseAnalyzeOptions(opts: Record<string, string | boolean | undefined>): AnalyzeOptions {
  const months = Number(opts['months']);
  const levels = Number(opts['rfmLevels']);
  if (levels !== 3 && levels !== 5)
    throw new InputError(`--rfm-levels must be 3 or 5; got "${String(opts['rfmLevels'])}".`);
  const kappa = Number(opts['kappa']);
  if (!Number.isFinite(kappa) || kappa < 0)
    throw new InputError(`--kappa must be a number ≥ 0; got "${String(opts['kappa'])}".`);
  const [a, b] = pair(String(opts['abc']), '--abc');
  const [x, y] = pair(String(opts['xyz']), '--xyz');
  const rfm: NonNullable<AnalyzeOptions['rfm']> = { levels };
  if (typeof opts['rfmCuts'] === 'string') rfm.cuts = parseCuts(opts['rfmCuts'], levels);
  if (typeof opts['rfmMap'] === 'string') {
    if (levels !== 5) throw new InputError('--rfm-map applies to 5-level scores; drop --rfm-levels 3.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(opts['rfmMap'], 'utf8'));
    } catch (error) {
      throw new InputError(
        `--rfm-map ${opts['rfmMap']}: cannot read it as JSON (${(error as Error).message}).`,
      );
    }
    const map = validateRfmMap(parsed);
    if (typeof map === 'string') throw new InputError(`--rfm-map ${opts['rfmMap']}: ${map}.`);
    rfm.map = map;
  }
  return {
    asOf: opts['asOf'] as string | undefined,
    months,
    rfm,
    lifecycle: { kappa },
    abcXyz: { a, b, x, y },
    full: opts['full'] === true,
  };
}

function parseCuts(spec: string, levels: 3 | 5): Partial<Record<'r' | 'f' | 'm', number[]>> {
  const out: Partial<Record<'r' | 'f' | 'm', number[]>> = {};
  for (const part of spec.split(';')) {
    const m = /^\s*([rfm])\s*=\s*(.+)$/i.exec(part);
    const values = m ? m[2]!.split(',').map((v) => Number(v.trim())) : [];
    if (
      !m ||
      values.length !== levels - 1 ||
      values.some((v) => !Number.isFinite(v)) ||
      values.some((v, i) => i > 0 && v <= values[i - 1]!)
    ) {
      throw new InputError(
        `--rfm-cuts expects "r=…;f=…;m=…" with ${levels - 1} increasing numbers each; got "${part}".`,
      );
    }
    out[m[1]!.toLowerCase() as 'r' | 'f' | 'm'] = values;
  }
  return out;
}

export function describeAnalysis(s: AnalyzeSummary): string {
  const first = s.snapshots[0];
  const lines = [
    `Analysis as of ${s.as_of}: ${s.snapshots.length} snapshots (${first?.as_of} … ${s.as_of}), ${fmtInt(s.customers)} customers, ${fmtNum(s.seconds, 1)} s`,
    `Snapshots computed: ${s.snapshots_computed.length ? s.snapshots_computed.join(', ') : 'none'}; kept from the stored analysis: ${s.snapshots_kept.length}.`,
    ...s.refresh_reasons.map((r) => `  ${r[0]!.toUpperCase()}${r.slice(1)}.`),
    '',
    `Lifecycle stages${s.stages.month_ago_as_of ? ` (now vs ${s.stages.month_ago_as_of})` : ''}:`,
    table(
      s.changes.map((c) => [
        `  ${STAGE_NAMES[c.stage].en}`,
        fmtInt(c.now),
        s.stages.month_ago ? fmtInt(c.month_ago) : '',
        s.stages.month_ago ? `${c.change >= 0 ? '+' : ''}${fmtInt(c.change)}` : '',
      ]),
      ['l', 'r', 'r', 'r'],
    ),
    '',
    'RFM segments:',
    table(
      Object.entries(s.rfm_segments).map(([k, v]) => [`  ${k}`, fmtInt(v)]),
      ['l', 'r'],
    ),
  ];
  if (s.top_moves.length) {
    lines.push('', 'Biggest moves in the last month:');
    lines.push(
      table(
        s.top_moves.map((m) => [`  ${m.from_stage} → ${m.to_stage}`, fmtInt(m.customers)]),
        ['l', 'r'],
      ),
    );
  }
  const t = s.thresholds;
  lines.push(
    '',
    `Thresholds at ${s.as_of}: population rhythm r₀ ${fmtNum(t['r0'], 1)} days, spread c₀ ${fmtNum(t['c0'], 2)}, one-time limit G ${fmtNum(t['one_time_days'], 0)} days, lapse point L ${fmtNum(t['lapse_days'], 0)} days.`,
    'Next: `clientele segments`, `clientele flows`, `clientele cohorts`, `clientele triggers --from-stage asleep --to-stage restored`.',
  );
  return `${lines.join('\n')}\n`;
}

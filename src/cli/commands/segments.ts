import type { Command } from 'commander';
import {
  parseSegmentKind,
  segmentSummary,
  SEGMENT_COLUMNS_SQL,
  runAutoSegments,
  type AutoSegmentsReport,
} from '../../analyze/index.js';
import {
  DEFAULT_RFM_MAP,
  FM_VALUES,
  validateRfmMap,
  type RfmMap,
  STAGE_NAMES,
  isStage,
} from '../../segments/index.js';
import { workspaceOption, type Context } from '../context.js';
import { InputError } from '../../errors.js';
import { fmtInt, fmtNum, json, table } from '../terminal-text.js';
import { answerTable } from '../table-output.js';

export function registerSegments(program: Command, ctx: Context): void {
  const cmd = program
    .command('segments')
    .description(
      'Segments of every customer at a snapshot: RFM scores and segment, ABC/XYZ, lifecycle stage, rhythm',
    )
    .argument('[kind]', 'rfm | abc | xyz | lifecycle | all | auto (clusters explained as rules)', 'all')
    .option('--k <k>', 'with auto: the number of clusters, or auto to choose it from the data', 'auto')
    .option('--seed <s>', 'with auto: random seed (the same seed gives the same clusters)', '42')
    .option('--as-of <date>', 'a snapshot date or month (default: the last)')
    .option('--map', 'print the RFM segment map (R × FM) in use')
    .option('--out <file>', 'write one row per customer to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (
      kindArg: string,
      opts: { asOf?: string; map?: boolean; out?: string; json?: boolean; k: string; seed: string },
      command: Command,
    ) => {
      if (kindArg === 'auto') return runAuto(ctx, command, opts);
      const kind = parseSegmentKind(kindArg);
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const summary = await segmentSummary(ws, opts.asOf);
          const stored = (summary.options['rfm'] as { map?: unknown } | undefined)?.map;
          const validated = validateRfmMap(stored);
          const map: RfmMap = typeof validated === 'string' ? DEFAULT_RFM_MAP : validated;
          if (opts.map) {
            ctx.io.out(opts.json ? json({ fm_values: FM_VALUES, map }) : describeMap(map));
            return;
          }
          await answerTable(
            ctx,
            ws,
            opts,
            {
              sql: `SELECT ${SEGMENT_COLUMNS_SQL} FROM customer_snapshots WHERE snapshot_id = $1 ORDER BY customer_id`,
              params: [summary.snapshot_id],
            },
            {
              json: async () => ({ kind, ...summary, rfm_map: map }),
              text: async () => describeSegments(kind, summary),
            },
          );
        },
        { readOnly: true },
      );
    },
  );
}

export function describeMap(map: RfmMap): string {
  return `RFM segment map (rows: R score, columns: FM = (F + M) / 2)\n${table([
    ['R \\ FM', ...FM_VALUES.map(String)],
    ...([5, 4, 3, 2, 1] as const).map((r) => [String(r), ...map[r]]),
  ])}\n`;
}

type Summary = Awaited<ReturnType<typeof segmentSummary>>;

function describeSegments(kind: string, s: Summary): string {
  const counts = (
    title: string,
    rows: { value: string | null; customers: number; revenue: number }[],
    label = (v: string | null) => v ?? '—',
  ) =>
    `${title}\n${table(
      rows.map((r) => [`  ${label(r.value)}`, fmtInt(r.customers), fmtNum(r.revenue, 0)]),
      ['l', 'r', 'r'],
    )}`;
  const parts = [`Segments at ${s.as_of} (customers, 12-month net revenue)`];
  if (kind === 'rfm' || kind === 'all') parts.push(counts('RFM:', s.rfm));
  if (kind === 'lifecycle' || kind === 'all')
    parts.push(counts('Lifecycle:', s.stage, (v) => (v && isStage(v) ? STAGE_NAMES[v].en : String(v))));
  if (kind === 'abc' || kind === 'xyz' || kind === 'all') {
    parts.push(
      `ABC × XYZ:\n${table(
        [
          ['', 'X', 'Y', 'Z', '—'],
          ...['A', 'B', 'C'].map((a) => [
            a,
            ...['X', 'Y', 'Z', null].map((x) =>
              fmtInt(s.abc_xyz.find((c) => c.abc === a && c.xyz === x)?.customers ?? 0),
            ),
          ]),
        ],
        ['l', 'r', 'r', 'r', 'r'],
      )}`,
    );
  }
  const t = s.thresholds;
  parts.push(
    `Thresholds: R cuts ${[1, 2, 3, 4]
      .map((i) => t[`r_cut_${i}`])
      .filter((v) => v !== undefined)
      .map((v) => fmtNum(v, 1))
      .join(' / ')} days; ` +
      `F cuts ${[1, 2, 3, 4]
        .map((i) => t[`f_cut_${i}`])
        .filter((v) => v !== undefined)
        .map((v) => fmtNum(v, 1))
        .join(' / ')}; ` +
      `M cuts ${[1, 2, 3, 4]
        .map((i) => t[`m_cut_${i}`])
        .filter((v) => v !== undefined)
        .map((v) => fmtNum(v, 0))
        .join(' / ')}; ` +
      `r₀ ${fmtNum(t['r0'], 1)} d, G ${fmtNum(t['one_time_days'], 0)} d, L ${fmtNum(t['lapse_days'], 0)} d.`,
  );
  return `${parts.join('\n\n')}\n`;
}

async function runAuto(
  ctx: Context,
  command: Command,
  opts: { asOf?: string; out?: string; json?: boolean; k: string; seed: string },
): Promise<void> {
  const k = opts.k === 'auto' ? 'auto' : Number(opts.k);
  if (k !== 'auto' && (!Number.isInteger(k) || k < 2 || k > 20)) {
    throw new InputError(`--k must be auto or a whole number from 2 to 20; got "${opts.k}".`);
  }
  const seed = Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new InputError(`--seed must be a whole number; got "${opts.seed}".`);
  await ctx.withWorkspace(command, async (ws) => {
    const report = await runAutoSegments(ws, { asOf: opts.asOf, k, seed });
    await answerTable(
      ctx,
      ws,
      opts,
      {
        sql: `SELECT a.customer_id, a.cluster, c.name_en AS cluster_name, c.name_ru AS cluster_name_ru
              FROM auto_segments a JOIN auto_segment_clusters c USING (cluster) ORDER BY a.customer_id`,
        params: [],
      },
      { json: async () => report, text: async () => describeAuto(report) },
    );
  });
}

function describeAuto(r: AutoSegmentsReport): string {
  const lines = [
    `Automatic segments as of ${r.as_of}: ${fmtInt(r.customers)} customers in ${r.k} clusters` +
      (r.silhouette.length > 1
        ? ` (silhouette by k: ${r.silhouette.map((s) => `${s.k}: ${fmtNum(s.score, 3)}`).join(', ')})`
        : ''),
    '',
    ...r.clusters.map(
      (c) =>
        `${c.id}. ${c.name.en} — ${fmtInt(c.size)} customers (${fmtNum(c.share * 100, 1)} %)
   rule: ${c.rule}  (fidelity ${fmtNum(c.fidelity * 100, 0)} %, precision ${fmtNum(c.precision * 100, 0)} %)`,
    ),
    '',
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

import { fmtInt, fmtNum, table } from '../terminal-text.js';
import { type CampaignEvaluationReport, type Estimate, formatP as p } from '../../campaigns/index.js';

const pct = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : `${(100 * x).toFixed(digits)} %`;
const range = (e: Estimate, f: (x: number | null) => string): string => `${f(e.lower)} … ${f(e.upper)}`;

/** The text `campaign evaluate NAME` prints: the verdict first, then the figures behind it. */
export function renderEvaluation(r: CampaignEvaluationReport): string {
  const s = r.summary;
  const w = r.window;
  const money = (x: number | null): string => fmtNum(x);
  const points = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(2)} pts`);
  const lines = [
    `Campaign "${r.campaign.name}": ${w.start} … ${w.last_day} (${w.days} days, ${w.basis}); selected ${r.campaign.as_of} by "${r.campaign.segment}"`,
    '',
    s.verdict,
    '',
    table(
      [
        ['', 'target', 'control', 'difference', '95 % CI', 'p-value'],
        ['customers', fmtInt(s.targets), fmtInt(s.controls), '', '', ''],
        [
          'conversion',
          pct(s.conversion_target),
          pct(s.conversion_control),
          points(s.conversion_difference.estimate),
          range(s.conversion_difference, points),
          p(s.conversion_p_value),
        ],
        [
          'revenue per customer',
          money(s.revenue_per_target),
          money(s.revenue_per_control),
          money(s.revenue_per_customer_difference.estimate),
          range(s.revenue_per_customer_difference, money),
          p(s.revenue_p_value),
        ],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Incremental revenue ${money(s.incremental_revenue.estimate)} (95 % CI ${range(s.incremental_revenue, money)})` +
      (s.incremental_revenue_cuped
        ? `; adjusted for pre-period revenue (CUPED) ${money(s.incremental_revenue_cuped.estimate)} (${range(s.incremental_revenue_cuped, money)})`
        : ''),
    `Incremental buyers ${fmtNum(s.incremental_conversions.estimate, 1)} (95 % CI ${range(s.incremental_conversions, (x) => fmtNum(x, 1))})`,
    s.cost === null
      ? 'ROI: no cost per contact was given at creation.'
      : `Cost ${money(s.cost)} · ROI ${pct(s.roi?.estimate, 0)} (95 % CI ${s.roi ? range(s.roi, (x) => pct(x, 0)) : '—'}) on ${r.evaluation.margin === 1 ? 'revenue' : `a ${pct(r.evaluation.margin, 0)} margin`}`,
    `Sample-ratio check: ${r.evaluation.sampleRatio.mismatch ? 'MISMATCH' : 'ok'} (χ² = ${r.evaluation.sampleRatio.chiSquare.toFixed(2)}, p = ${p(r.evaluation.sampleRatio.pValue)}, planned control share ${pct(r.campaign.control_share, 1)})`,
  ];
  lines.push('', ...renderTransitions(r));
  if (r.funnel) {
    const f = r.funnel;
    lines.push(
      '',
      `E-mail funnel: sent ${fmtInt(f.sent)} · open rate ${pct(f.ratios.openRate)} · CTR ${pct(f.ratios.clickThroughRate)} · CTOR ${pct(f.ratios.clickToOpenRate)} · orders per send ${pct(f.ratios.conversionRate)} · cost per order ${money(f.ratios.costPerOrder)}`,
    );
  }
  if (r.warnings.length > 0) lines.push('', ...r.warnings.map((x) => `Warning: ${x}`));
  return `${lines.join('\n')}\n`;
}

function renderTransitions(r: CampaignEvaluationReport): string[] {
  const t = r.transitions;
  if (!t.available) return [`Stage moves: not available — ${t.reason}.`];
  const moves = t.moves.filter((m) => m.from !== m.to && (m.target.customers > 0 || m.control.customers > 0));
  return [
    `Stage moves from ${t.from.as_of} to the snapshot ${t.to.as_of} (${t.to.basis}); share of each group's members in the first stage:`,
    table(
      [
        ['from → to', 'target', 'control', 'difference', 'p-value', 'Holm'],
        ...moves.map((m) => [
          `${m.from} → ${m.to}`,
          `${pct(m.target.share, 1)} of ${fmtInt(m.target.from_customers)}`,
          `${pct(m.control.share, 1)} of ${fmtInt(m.control.from_customers)}`,
          `${(100 * m.test.estimate).toFixed(1)} pts`,
          p(m.test.pValue),
          p(m.p_value_holm),
        ]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
}

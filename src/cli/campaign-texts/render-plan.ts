import { fmtInt, fmtNum } from '../terminal-text.js';
import { type CampaignPlan } from '../../campaigns/index.js';

/** The text `campaign plan` prints. */
export function renderPlan(plan: CampaignPlan): string {
  const h = plan.history;
  const baseline =
    plan.metric === 'conversion'
      ? `conversion ${h.conversion_rate === null ? '—' : `${(100 * h.conversion_rate).toFixed(2)} %`} (${fmtInt(h.converted)} of ${fmtInt(h.customers)} bought)`
      : `revenue per customer ${fmtNum(h.revenue_mean)} (sd ${fmtNum(h.revenue_sd)}, ${fmtInt(h.customers)} customers)`;
  return `${[
    `Segment "${plan.segment}" as of ${plan.as_of}: ${fmtInt(plan.customers)} customers → ${fmtInt(plan.targets)} target, ${fmtInt(plan.controls)} control (${(100 * plan.control_share).toFixed(1)} %).`,
    `History (${h.days}-day window ${h.from} … ${h.to}): ${baseline}.`,
    `  Basis: ${h.basis}.`,
    plan.verdict,
    `Method: ${plan.method}.`,
  ].join('\n')}\n`;
}

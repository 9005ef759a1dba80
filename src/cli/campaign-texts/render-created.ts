import { fmtInt, table } from '../terminal-text.js';
import { type CampaignCreated } from '../../campaigns/index.js';

/** The text `campaign create` prints. */
export function renderCreated(c: CampaignCreated): string {
  const lines = [
    `Campaign "${c.name}" (id ${c.campaign_id}) stored: ${fmtInt(c.members)} customers match "${c.segment}" as of ${c.as_of}.`,
    `  target ${fmtInt(c.targets)} · control ${fmtInt(c.controls)} (${(100 * c.control_share).toFixed(1)} % share, seed ${c.seed}${c.stratify ? `, stratified by ${c.stratify}` : ''})`,
    `  runs ${c.start}${c.end ? ` … ${c.end}` : ''}${c.channel ? ` · channel ${c.channel}` : ''}${c.cost_per_contact === null ? '' : ` · cost per contact ${c.cost_per_contact}`}`,
  ];
  if (c.stratify) {
    lines.push(
      table(
        [
          [c.stratify, 'members', 'target', 'control'],
          ...c.strata.map((s) => [
            s.stratum || '(empty)',
            fmtInt(s.members),
            fmtInt(s.targets),
            fmtInt(s.controls),
          ]),
        ],
        ['l', 'r', 'r', 'r'],
      ),
    );
  }
  lines.push(
    c.out
      ? `Wrote the target list (${fmtInt(c.out.rows)} customers, control group left out) to ${c.out.path}.`
      : 'Write the target list for the CRM or mailer with --out targets.csv (or .xlsx); the control group is left out.',
  );
  lines.push(`Do not contact the control group. After the campaign: clientele campaign evaluate "${c.name}"`);
  return `${lines.join('\n')}\n`;
}

import { fmtInt, fmtNum, table } from '../terminal-text.js';
import { type CampaignListing, formatP as p } from '../../campaigns/index.js';

/** The text `campaign list` prints. */
export function renderList(list: readonly CampaignListing[]): string {
  if (list.length === 0)
    return 'No campaigns yet. Create one with `clientele campaign create --name N --segment EXPR`.\n';
  return `${table(
    [
      [
        'name',
        'selected',
        'start',
        'channel',
        'target',
        'control',
        'evaluated',
        'incremental revenue',
        'p-value',
      ],
      ...list.map((c) => [
        c.name,
        c.as_of,
        c.start,
        c.channel ?? '—',
        fmtInt(c.targets),
        fmtInt(c.controls),
        c.last_evaluation?.evaluated_at ?? 'not yet',
        c.last_evaluation ? fmtNum(c.last_evaluation.incremental_revenue.estimate) : '—',
        c.last_evaluation ? p(c.last_evaluation.revenue_p_value) : '—',
      ]),
    ],
    ['l', 'l', 'l', 'l', 'r', 'r', 'l', 'r', 'r'],
  )}\n`;
}

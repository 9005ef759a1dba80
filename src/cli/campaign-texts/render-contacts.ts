import { fmtInt } from '../terminal-text.js';
import { type ContactsAttached } from '../../campaigns/index.js';

/** The text `campaign contacts` prints. */
export function renderContacts(c: ContactsAttached): string {
  const lines = [
    `Attached ${c.file} to "${c.campaign}": ${fmtInt(c.rows)} rows, ${fmtInt(c.customers)} customers — ${fmtInt(c.targets)} targets, ${fmtInt(c.controls)} controls, ${fmtInt(c.not_members)} not members (ignored).`,
    `  sent ${fmtInt(c.sent)} · opened ${fmtInt(c.opened)} · clicked ${fmtInt(c.clicked)}`,
  ];
  if (c.controls > 0) {
    lines.push(
      `Warning: ${fmtInt(c.controls)} control-group ${c.controls === 1 ? 'member appears' : 'members appear'} in the log: the control group was contacted.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

import { field, InputError } from '../errors.js';
import { identifiedSalesRange } from '../db/sales-summary.js';
import type { Workspace } from '../db/workspace.js';

/** `YYYY-MM-DD`, checked to be a real calendar date. */
export function parseDate(text: string, flag = field('asOf')): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== text.trim()) {
    throw new InputError(`${flag} expects a date as YYYY-MM-DD, e.g. 2024-03-31; got "${text}".`);
  }
  return text.trim();
}

/** The as-of date: the one given, or the date of the latest sale. Fails clearly when there are no sales. */
export async function resolveAsOf(ws: Workspace, asOf: string | undefined): Promise<string> {
  const range = await identifiedSalesRange(ws);
  if (!range.last) {
    throw new InputError(
      'The workspace has no sales of identified customers yet. Load a sales file with `clientele ingest FILE`.',
    );
  }
  if (asOf === undefined) return range.last;
  const date = parseDate(asOf);
  if (range.first && date < range.first) {
    throw new InputError(
      `${field('asOf')} ${date} is before the first sale (${range.first}): no customer has bought yet.`,
    );
  }
  return date;
}

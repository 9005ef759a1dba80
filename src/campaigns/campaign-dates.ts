import type { Workspace } from '../db/workspace.js';
import { field, InputError } from '../errors.js';
import { parseDate, resolveAsOf } from '../profile/as-of.js';
import { addDays } from './calendar-days.js';

/**
 * A campaign's selection date, first and last day, checked against each other: the selection (sales up to as-of)
 * must precede the start. Defaults: as-of the latest sale, or the day before --start when only that is given;
 * start the day after as-of.
 */
export async function campaignDates(
  ws: Workspace,
  options: { asOf?: string; start?: string; end?: string },
): Promise<{ asOf: string; start: string; end: string | null }> {
  const start = options.start === undefined ? undefined : parseDate(options.start, field('start'));
  const end = options.end === undefined ? null : parseDate(options.end, field('end'));
  let asOf: string;
  if (options.asOf !== undefined || start === undefined) asOf = await resolveAsOf(ws, options.asOf);
  else {
    const latest = await resolveAsOf(ws, undefined);
    const before = addDays(start, -1);
    asOf = await resolveAsOf(ws, before < latest ? before : latest);
  }
  const first = start ?? addDays(asOf, 1);
  if (first <= asOf) {
    throw new InputError(
      `${field('start')} ${first} must be after the selection date ${asOf}: the segment is chosen from sales up to that date, and the campaign's effect is measured from its start.`,
    );
  }
  if (end !== null && end < first)
    throw new InputError(`${field('end')} ${end} is before ${field('start')} ${first}.`);
  return { asOf, start: first, end };
}

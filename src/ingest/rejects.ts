import type { Workspace } from '../db/workspace.js';
import { NotFoundError } from '../errors.js';

/** The rows a load rejected, in source order: line number, reason code, message, column and raw text. */
export const REJECTS_SQL = `SELECT line, reason, message, "column", raw FROM rejects WHERE load_id = $1 ORDER BY line`;

/** One page of a load's rejected rows and how many there are in all. */
export interface RejectsPage {
  load_id: number;
  /** What `line` counts: 'line', 'row' or 'record' of the file; 'value' for a linked table (see `raw`). */
  line_label: string;
  total: number;
  rows: Record<string, unknown>[];
}

/** The load `id`, or the latest load when `id` is undefined; a load that does not exist is a NotFoundError. */
export async function requireLoad(ws: Workspace, id?: number): Promise<number> {
  const loadId = id ?? Number(await ws.scalar(`SELECT max(load_id) FROM loads`));
  if (Number.isInteger(loadId) && (await ws.one(`SELECT 1 FROM loads WHERE load_id = $1`, [loadId])))
    return loadId;
  throw new NotFoundError(
    id === undefined ? 'There are no loads yet.' : `There is no load ${id} in this workspace.`,
  );
}

/** The rejected rows of load `loadId` from `offset`, at most `limit` of them. */
export async function rejectsPage(
  ws: Workspace,
  loadId: number,
  limit: number,
  offset = 0,
): Promise<RejectsPage> {
  const options = await ws.scalar(`SELECT options FROM loads WHERE load_id = $1`, [loadId]);
  const label = (JSON.parse(String(options ?? '{}')) as { line_label?: string }).line_label ?? 'line';
  return {
    load_id: loadId,
    line_label: label,
    total: Number(await ws.scalar(`SELECT count(*) FROM rejects WHERE load_id = $1`, [loadId])),
    rows: await ws.all(`${REJECTS_SQL} LIMIT $2 OFFSET $3`, [loadId, limit, offset]),
  };
}

import { InputError } from '../errors.js';
import type { Workspace } from '../db/workspace.js';
import { requireAnalysis } from './analyze.js';

export interface SnapshotRow {
  snapshot_id: number;
  as_of: string;
  month: string;
}

export async function listSnapshots(ws: Workspace): Promise<SnapshotRow[]> {
  await requireAnalysis(ws);
  return ws.all<SnapshotRow>(`SELECT snapshot_id, as_of, month FROM snapshots ORDER BY snapshot_id`);
}

/** The snapshot of a month (`YYYY-MM`) or a date (`YYYY-MM-DD`); the last one when not given. */
export async function findSnapshot(
  ws: Workspace,
  when: string | undefined,
  flag: string,
): Promise<SnapshotRow> {
  const all = await listSnapshots(ws);
  if (when === undefined) return all[all.length - 1]!;
  const found = all.find((s) => s.month === when || s.as_of === when);
  if (!found) {
    throw new InputError(
      `${flag} ${when}: the analysis has no snapshot for that ${when.length === 7 ? 'month' : 'date'}. ` +
        `Snapshots: ${all[0]?.month} … ${all[all.length - 1]?.month} (${all[all.length - 1]?.as_of}). ` +
        'Run `clientele analyze --as-of DATE --months N` to cover other dates.',
    );
  }
  return found;
}

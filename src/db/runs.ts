import type { Workspace } from './workspace.js';

/**
 * Notes in `runs` that a command changed the stored results (analysis, predictions, recommendations), so that
 * caches keyed on the workspace's content (the API's profile table) know to recompute.
 */
export async function recordRun(
  ws: Workspace,
  command: string,
  params: unknown,
  startedAt: number,
): Promise<void> {
  await ws.run(
    `INSERT INTO runs SELECT coalesce(max(run_id), 0) + 1, $1, $2, make_timestamp(CAST($3 AS BIGINT) * 1000), now()::TIMESTAMP FROM runs`,
    [command, JSON.stringify(params ?? {}), startedAt],
  );
}

import type { Workspace } from './workspace.js';

/** `2024-03-05 10:15:00.123` (UTC), as a TIMESTAMP literal DuckDB reads. */
function utc(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Adds a row to `runs`: what was computed, with which parameters, and when (UTC), e.g.
 * `recordRun(ws, 'analyze', { as_of: '2024-03-31', months: 24 }, started)`.
 */
export async function recordRun(
  ws: Workspace,
  command: string,
  params: Record<string, unknown>,
  startedAt: Date,
): Promise<void> {
  await ws.run(
    `INSERT INTO runs SELECT coalesce(max(run_id), 0) + 1, $1, $2, CAST($3 AS TIMESTAMP), CAST($4 AS TIMESTAMP) FROM runs`,
    [command, JSON.stringify(params), utc(startedAt), utc(new Date())],
  );
}

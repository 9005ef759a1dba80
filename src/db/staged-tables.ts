import type { Workspace } from './workspace.js';

/**
 * Steps that replace stored tables build the new ones under a `_next` name outside their transaction and rename
 * them into place inside it (analyze's snapshots and chain state, the stored profile). A process killed before
 * that leaves them behind: they are nobody's data, and opening the workspace drops them.
 */
export const STAGED_TABLE_SQL = `(table_name LIKE '%\\_next' ESCAPE '\\' OR table_name LIKE '%\\_next\\_%' ESCAPE '\\')`;

export async function stagedTables(ws: Workspace): Promise<string[]> {
  const rows = await ws.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND ${STAGED_TABLE_SQL}`,
  );
  return rows.map((r) => r.table_name);
}

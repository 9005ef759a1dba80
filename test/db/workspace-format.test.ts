import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/schema.js';
import { Workspace } from '../../src/db/workspace.js';
import { workspaceStatus } from '../../src/db/workspace-status.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

// The workspace format: a workspace file made by the release that introduced format 2 is kept in
// test/fixtures (CDNOW's 6,919 lines ingested), so that every later format is tested as an upgrade from it.

const FIXTURE = new URL('../fixtures/workspace-format-2.duckdb', import.meta.url).pathname;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

/** A copy of the fixture, changed by `sql` run directly on the file (not through Clientele). */
async function copyWith(name: string, sql: string[] = []): Promise<string> {
  const path = join(dir, name);
  copyFileSync(FIXTURE, path);
  const db = await DuckDBInstance.create(path);
  const c = await db.connect();
  for (const statement of sql) await c.run(statement);
  c.closeSync();
  db.closeSync();
  return path;
}

async function storedVersion(path: string): Promise<number> {
  const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  const r = await c.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
  c.closeSync();
  db.closeSync();
  return Number(r.getRows()[0]?.[0]);
}

describe('the workspace format', () => {
  it('opens the workspace kept from format 2 with its data, upgraded to this release', async () => {
    const path = await copyWith('kept.duckdb');
    expect(await storedVersion(path)).toBe(2);
    const ws = await Workspace.open(path);
    try {
      const status = await workspaceStatus(ws);
      expect(status.tables['sales']).toBe(6919);
      expect(status.loads).toHaveLength(1);
      expect(status.sales.customers).toBe(2357);
    } finally {
      ws.close();
    }
    expect(await storedVersion(path)).toBe(SCHEMA_VERSION);
  });

  it('upgrades an older workspace inside a transaction: the tables it lacks appear, its data stays', async () => {
    const path = await copyWith('older.duckdb', [
      `DROP TABLE linked_source`,
      `DROP TABLE linked_months`,
      `UPDATE meta SET value = '1' WHERE key = 'schema_version'`,
    ]);
    const ws = await Workspace.open(path);
    try {
      expect(await ws.tableExists('linked_source')).toBe(true);
      expect(await ws.tableExists('linked_months')).toBe(true);
      expect(Number(await ws.scalar(`SELECT count(*) FROM sales`))).toBe(6919);
    } finally {
      ws.close();
    }
    expect(await storedVersion(path)).toBe(SCHEMA_VERSION);
  });

  it('refuses a workspace written by a newer Clientele, in one sentence, and leaves it as it was', async () => {
    const path = await copyWith('newer.duckdb', [
      `UPDATE meta SET value = '99' WHERE key = 'schema_version'`,
    ]);
    await expect(Workspace.open(path)).rejects.toThrow(
      /written by a newer Clientele \(workspace format 99; this one reads formats up to \d+\)/,
    );
    await expect(Workspace.open(path, { readOnly: true })).rejects.toThrow(/newer Clientele/);
    const r = await cli('status', '--workspace', path);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Update Clientele to open it\./);
    expect(await storedVersion(path)).toBe(99);
  });
});

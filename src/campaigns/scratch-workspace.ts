import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../db/workspace.js';

/**
 * Runs `fn` on a throwaway workspace in a fresh temp folder, removed afterwards: for work on a file that needs
 * DuckDB but none of the user's data (evaluating an experiment run elsewhere).
 */
export async function withScratchWorkspace<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-'));
  try {
    const ws = await Workspace.open(join(dir, 'scratch.duckdb'));
    try {
      return await fn(ws);
    } finally {
      ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

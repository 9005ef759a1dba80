import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../../src/db/workspace.js';

/** A fresh folder under the system temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'clientele-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new workspace in its own temp folder. */
export async function tempWorkspace(): Promise<{
  ws: Workspace;
  dir: string;
  path: string;
  cleanup: () => void;
}> {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'test.duckdb');
  const ws = await Workspace.open(path);
  return {
    ws,
    dir,
    path,
    cleanup: () => {
      try {
        ws.close();
      } catch {
        // already closed
      }
      cleanup();
    },
  };
}

export const DATA = new URL('../../../shared/data/', import.meta.url).pathname;

import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Where DuckDB spills when a step's working set is larger than the memory budget: a folder next to the
 * workspace (`clientele.duckdb.spill/`), with one subfolder per process, so that two processes reading the
 * same workspace never share temporary files. A process removes its subfolder when it closes the workspace;
 * the subfolders of processes that died (killed, out of power) are removed by the next process that opens it.
 */
export function spillFolder(workspacePath: string): string {
  return `${workspacePath}.spill`;
}

/** This process's spill folder, created empty, after removing those of processes that no longer run. */
export function prepareSpill(workspacePath: string): string {
  let root = spillFolder(workspacePath);
  try {
    mkdirSync(root, { recursive: true });
  } catch {
    // a workspace in a folder this process cannot write (opened read-only): spill to the system's temp folder
    root = join(tmpdir(), `clientele-spill-${basename(workspacePath)}`);
    mkdirSync(root, { recursive: true });
  }
  for (const name of readdirSync(root)) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== process.pid && processRuns(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
  const mine = join(root, String(process.pid));
  mkdirSync(mine, { recursive: true });
  return mine;
}

/** Removes this process's spill folder, and the parent folder when nothing else is left in it. */
export function removeSpill(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  try {
    rmdirSync(dirname(folder));
  } catch {
    // another process still spills there, or it is already gone
  }
}

/** Bytes in a spill folder now (for benchmarks and reports). */
export function spillSize(folder: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const path = join(folder, name);
    try {
      const s = statSync(path);
      total += s.isDirectory() ? spillSize(path) : s.size;
    } catch {
      // removed meanwhile
    }
  }
  return total;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

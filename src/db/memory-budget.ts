import { readFileSync, statfsSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { InputError } from '../errors.js';
import { formatBytes, parseBytes } from '../util/bytes.js';

/**
 * The memory and disk a workspace may use. Chosen from the machine unless the user says otherwise, so that
 * a command on a base larger than memory spills to disk instead of taking the whole machine:
 *   budget  = min(physical memory / 3, memory available when the command starts), at least 256 MB;
 *   engine  = 60 % of the budget, DuckDB's `memory_limit` (what the engine's buffer manager may hold); the rest
 *             covers Node, the model arrays and the engine's allocations outside the buffer manager, so that
 *             the whole process stays within the budget;
 *   spill   = min(20 GB, half the free disk of the spill folder), DuckDB's `max_temp_directory_size`.
 * `--memory-limit` / CLIENTELE_MEMORY_LIMIT set the budget, CLIENTELE_SPILL_LIMIT the spill.
 */
export interface MemoryBudget {
  /** What the whole process may use, in bytes. */
  bytes: number;
  /** DuckDB's memory_limit, in bytes. */
  engineBytes: number;
  /** Where the budget came from. */
  source: 'machine' | 'option' | 'environment';
  /** Most the spill folder may hold, in bytes. */
  spillBytes: number;
}

export const ENGINE_SHARE = 0.6;
export const MIN_BUDGET = 256e6;
export const MAX_SPILL = 20e9;

/** A size the user gave (`8GB`, `512MB`, a number of bytes) in bytes; an InputError naming `what` otherwise. */
export function sizeOption(text: string, what: string): number {
  const bytes = parseBytes(text);
  if (bytes === undefined)
    throw new InputError(`${what} must be a size such as 8GB or 512MB; got "${text}".`);
  return bytes;
}

/** Memory available now: MemAvailable on Linux (free + reclaimable cache), else what the OS calls free. */
function availableMemory(): number {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return freemem();
}

/** Physical memory, or the container's limit when it is lower (cgroup v2, then v1). */
function physicalMemory(): number {
  let total = totalmem();
  for (const file of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const limit = Number(readFileSync(file, 'utf8').trim());
      if (Number.isFinite(limit) && limit > 0) total = Math.min(total, limit);
    } catch {
      // no such limit
    }
  }
  return total;
}

/** The default budget of this machine: a third of its memory, never more than is available now. */
export function machineBudget(): number {
  return Math.max(MIN_BUDGET, Math.min(physicalMemory() / 3, availableMemory()));
}

function freeDisk(folder: string): number {
  try {
    const s = statfsSync(folder);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return MAX_SPILL * 2;
  }
}

/**
 * The budget of a workspace opened now: `memoryLimit` (the `--memory-limit` option), else
 * CLIENTELE_MEMORY_LIMIT, else the machine's; the spill limit from CLIENTELE_SPILL_LIMIT or the free disk of
 * `spillParent` (the folder that holds the spill folder).
 */
export function resolveBudget(spillParent: string, memoryLimit?: string, spillLimit?: string): MemoryBudget {
  const env = process.env['CLIENTELE_MEMORY_LIMIT'];
  const source: MemoryBudget['source'] = memoryLimit ? 'option' : env ? 'environment' : 'machine';
  const bytes = memoryLimit
    ? sizeOption(memoryLimit, '--memory-limit')
    : env
      ? sizeOption(env, 'CLIENTELE_MEMORY_LIMIT')
      : machineBudget();
  if (bytes < 64e6) {
    throw new InputError(`The memory limit must be at least 64MB; got ${formatBytes(bytes)}.`);
  }
  const spillEnv = spillLimit ?? process.env['CLIENTELE_SPILL_LIMIT'];
  const spillBytes = spillEnv
    ? sizeOption(spillEnv, 'CLIENTELE_SPILL_LIMIT')
    : Math.min(MAX_SPILL, freeDisk(spillParent) / 2);
  return { bytes, engineBytes: Math.floor(bytes * ENGINE_SHARE), source, spillBytes };
}

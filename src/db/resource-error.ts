import { dirname } from 'node:path';
import { errorMessage } from '../errors.js';
import { formatBytes } from '../util/bytes.js';
import type { MemoryBudget } from './memory-budget.js';
import { spillSize } from './spill.js';

/**
 * A step that ran out of memory or disk although it spills: one sentence that says what ran out, how much the
 * step had, and what to set (exit code 1 on the CLI, 507 on the API). The step's transaction is rolled back
 * and its spill files removed, so the workspace is as it was.
 */
export class ResourceError extends Error {
  override readonly name = 'ResourceError';
  constructor(
    message: string,
    readonly resource: 'memory' | 'disk',
  ) {
    super(message);
  }
}

export function isResourceError(error: unknown): error is ResourceError {
  return error instanceof ResourceError;
}

const DISK =
  /No space left on device|max_temp_directory_size|temp(orary)? directory .*(full|limit)|could not write/i;
const MEMORY = /^Out of Memory Error|std::bad_alloc|failed to (allocate|pin|offload)/i;

/**
 * The ResourceError that an engine error stands for, or the error itself when it is something else. `spill`
 * is the folder the engine spills to, whose size at the moment of failure tells a full spill from a memory
 * limit.
 */
export function asResourceError(error: unknown, budget: MemoryBudget, spill: string): unknown {
  if (error instanceof ResourceError) return error;
  const message = errorMessage(error);
  const spilled = spillSize(spill);
  const diskFull = DISK.test(message) || (MEMORY.test(message) && spilled >= budget.spillBytes * 0.9);
  // The workspace's own file or its write-ahead log could not grow: the disk itself is full, whatever the spill.
  if (/No space left on device/i.test(message) && !message.includes(spill)) {
    return new ResourceError(
      `Out of disk: the disk that holds the workspace (${dirname(dirname(spill))}) is full; free space there and run the step again. The workspace was left as it was.`,
      'disk',
    );
  }
  if (diskFull) {
    return new ResourceError(
      `Out of disk: the step needed more spill space than it may use (${formatBytes(budget.spillBytes)} in ${spill}); free disk space there, or set CLIENTELE_SPILL_LIMIT higher, or give it more memory with --memory-limit (now ${formatBytes(budget.bytes)}). The workspace was left as it was.`,
      'disk',
    );
  }
  if (MEMORY.test(message)) {
    return new ResourceError(
      `Out of memory: the step needed more than the ${formatBytes(budget.engineBytes)} the engine may hold (of a ${formatBytes(budget.bytes)} budget) and could not spill it; set a larger --memory-limit or CLIENTELE_MEMORY_LIMIT, or close other programs. The workspace was left as it was.`,
      'memory',
    );
  }
  return error;
}

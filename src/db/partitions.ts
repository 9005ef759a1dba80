import { InputError } from '../errors.js';
import type { Workspace } from './workspace.js';

/**
 * Customer partitions. A step whose working set grows with the customers (or customers × months) processes
 * them in `count` groups by a hash of the customer key, one group at a time, so that one group's working set
 * fits the memory budget; the results do not depend on the number of groups (each customer's rows are
 * computed from that customer's data and from population values computed beforehand).
 */
export interface Partitions {
  count: number;
  /** SQL that is true for the rows of partition `part` (0 … count − 1), given the customer key's SQL. */
  filter(keySql: string, part: number): string;
}

/** The share of the engine's memory one partition's working set may take (the rest: the step's other tables). */
const SHARE = 0.4;

/**
 * How many partitions a step needs for a working set estimated at `bytes` in all: enough for one partition to
 * fit in 40 % of the engine's memory. `ws.partitions` (CLIENTELE_PARTITIONS, or the tests' option) forces the
 * number, so that a small base can be processed in several partitions.
 */
export function partitionsFor(ws: Workspace, bytes: number): Partitions {
  const count = ws.partitions ?? Math.max(1, Math.ceil(bytes / (ws.budget.engineBytes * SHARE)));
  return {
    count,
    filter: (keySql, part) => (count === 1 ? 'true' : `hash(${keySql}) % ${count} = ${part}`),
  };
}

/** The forced number of partitions from CLIENTELE_PARTITIONS, if set. */
export function forcedPartitions(text = process.env['CLIENTELE_PARTITIONS']): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 4096) {
    throw new InputError(`CLIENTELE_PARTITIONS must be a whole number from 1 to 4096; got "${text}".`);
  }
  return n;
}

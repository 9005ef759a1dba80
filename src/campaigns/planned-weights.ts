import { field, InputError } from '../errors.js';
import type { FileArm } from './results-file-arms.js';

/** The planned weight of every group from `GROUP=WEIGHT` entries (equal when none), for the sample-ratio check. */
export function plannedWeights(arms: readonly FileArm[], split: readonly string[]): number[] {
  if (split.length === 0) return arms.map(() => 1);
  const weights = new Map<string, number>();
  for (const entry of split) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const weight = Number(entry.slice(at + 1));
    if (at < 1 || !(weight > 0 && Number.isFinite(weight))) {
      throw new InputError(
        `${field('split')} expects GROUP=WEIGHT with a positive weight, e.g. "No E-Mail=1"; got "${entry}".`,
      );
    }
    if (!arms.some((a) => a.group === name)) {
      throw new InputError(
        `${field('split')} names "${name}", which is not a group (${arms.map((a) => `"${a.group}"`).join(', ')}).`,
      );
    }
    weights.set(name, weight);
  }
  return arms.map((a) => {
    const w = weights.get(a.group);
    if (w === undefined)
      throw new InputError(`${field('split')} gives no weight for the group "${a.group}".`);
    return w;
  });
}

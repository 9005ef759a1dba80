/**
 * The known name a mistyped one most likely meant: the smallest edit distance (insertions, deletions,
 * substitutions and swaps of neighbours, ignoring case) within a third of the length, else the shortest name that
 * starts with what was typed (three characters or more), else undefined.
 */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const limit = Math.max(1, Math.floor([...typed].length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  if (best !== undefined || lower.length < 3) return best;
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(lower));
  return prefixed.sort((a, b) => a.length - b.length)[0];
}

/** Optimal-string-alignment distance over code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return previous[t.length] as number;
}

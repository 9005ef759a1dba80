/** The median of the finite values (mean of the two middle ones for an even count); NaN when none is finite. */
export function median(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) count++;
  if (count === 0) return Number.NaN;
  const finite = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite[next++] = v;
  }
  finite.sort();
  const mid = count >> 1;
  return count % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

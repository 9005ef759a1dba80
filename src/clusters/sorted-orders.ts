/**
 * For each column, the row indices ordered by value, ties by row: a native numeric sort of the values, then a
 * stable counting sort of the rows by the rank of their value (no comparator calls).
 */
export function sortedOrders(columns: readonly Float64Array[]): Int32Array[] {
  return columns.map((column) => {
    const m = column.length;
    const distinct = Float64Array.from(column).sort();
    let u = 0;
    for (let i = 0; i < m; i++) if (u === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i]!;
    const rank = new Int32Array(m);
    const start = new Int32Array(u + 1);
    for (let i = 0; i < m; i++) {
      const r = rankOf(distinct, u, column[i]!);
      rank[i] = r;
      start[r + 1]!++;
    }
    for (let r = 0; r < u; r++) start[r + 1]! += start[r]!;
    const order = new Int32Array(m);
    for (let i = 0; i < m; i++) order[start[rank[i]!]!++] = i;
    return order;
  });
}

function rankOf(distinct: Float64Array, size: number, value: number): number {
  let low = 0;
  let high = size - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (distinct[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

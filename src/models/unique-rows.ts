/** Distinct rows of a few numeric columns, their summed weights, and for each input row its distinct row. */
export interface UniqueRows {
  readonly columns: Float64Array[];
  readonly weight: Float64Array;
  readonly inverse: Uint32Array;
}

interface Codes {
  /** Per row, the id of its distinct value (or combination), numbered in order of first occurrence. */
  readonly codes: Uint32Array;
  readonly count: number;
}

/**
 * Groups identical rows exactly. Each column is first coded by its distinct values (a small hash table on the
 * values' bit patterns), then the codes are combined column by column into codes of distinct pairs (a hash table
 * on integer pairs). Every table holds only distinct entries, so most of them stay in cache and nothing is ever
 * merged on a hash collision. Distinct rows keep the order of their first occurrence. O(n) expected time.
 */
export function uniqueRows(columns: readonly Float64Array[], weight?: Float64Array): UniqueRows {
  const n = columns[0]?.length ?? 0;
  let combined: Codes = { codes: new Uint32Array(n), count: n > 0 ? 1 : 0 };
  columns.forEach((column, c) => {
    const coded = codeValues(column);
    combined = c === 0 ? coded : codePairs(combined.codes, coded.codes);
  });
  const { codes, count } = combined;
  const firstRow = new Uint32Array(count).fill(n);
  const sums = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const u = codes[i]!;
    if (firstRow[u] === n) firstRow[u] = i;
    sums[u] = sums[u]! + (weight === undefined ? 1 : weight[i]!);
  }
  return {
    columns: columns.map((column) => Float64Array.from(firstRow, (i) => column[i]! + 0)),
    weight: sums,
    inverse: codes,
  };
}

function codeValues(column: Float64Array): Codes {
  const n = column.length;
  const codes = new Uint32Array(n);
  const scratch = new Float64Array(1);
  const bits = new Uint32Array(scratch.buffer);
  let size = 1024;
  let table = new Int32Array(size).fill(-1);
  let distinct = new Float64Array(size / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i]! + 0;
    scratch[0] = v;
    let slot = mix(bits[0]!, bits[1]!) & (size - 1);
    let u = table[slot]!;
    while (u !== -1 && distinct[u] !== v) {
      slot = (slot + 1) & (size - 1);
      u = table[slot]!;
    }
    if (u === -1) {
      u = count++;
      table[slot] = u;
      distinct[u] = v;
      if (2 * count >= size) {
        size *= 2;
        const grown = new Float64Array(size / 2);
        grown.set(distinct);
        distinct = grown;
        table = new Int32Array(size).fill(-1);
        for (let w = 0; w < count; w++) {
          scratch[0] = distinct[w]!;
          let s = mix(bits[0]!, bits[1]!) & (size - 1);
          while (table[s] !== -1) s = (s + 1) & (size - 1);
          table[s] = w;
        }
      }
    }
    codes[i] = u;
  }
  return { codes, count };
}

function codePairs(first: Uint32Array, second: Uint32Array): Codes {
  const n = first.length;
  const codes = new Uint32Array(n);
  let size = 1024;
  let table = new Int32Array(3 * size).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = first[i]! | 0;
    const b = second[i]! | 0;
    let slot = mix(a, b) & (size - 1);
    let u = table[3 * slot]!;
    while (u !== -1 && (table[3 * slot + 1] !== a || table[3 * slot + 2] !== b)) {
      slot = (slot + 1) & (size - 1);
      u = table[3 * slot]!;
    }
    if (u === -1) {
      u = count++;
      table[3 * slot] = u;
      table[3 * slot + 1] = a;
      table[3 * slot + 2] = b;
      if (2 * count >= size) {
        size *= 2;
        const old = table;
        table = new Int32Array(3 * size).fill(-1);
        for (let s = 0; s < old.length; s += 3) {
          if (old[s] === -1) continue;
          let t = mix(old[s + 1]!, old[s + 2]!) & (size - 1);
          while (table[3 * t] !== -1) t = (t + 1) & (size - 1);
          table.set(old.subarray(s, s + 3), 3 * t);
        }
      }
    }
    codes[i] = u;
  }
  return { codes, count };
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x811c9dc5, 0x9e3779b1);
  h = Math.imul(h ^ b ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

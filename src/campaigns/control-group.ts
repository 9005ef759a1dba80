import { createRandomSource, type RandomSource } from '../stats/index.js';

/** Members and controls of one stratum. */
export interface StratumCount {
  stratum: string;
  members: number;
  controls: number;
}

export interface ControlDraw {
  /** 1 where the member (same index as the input ids) is in the control group, else 0. */
  control: Uint8Array;
  strata: StratumCount[];
}

/** Controls in a stratum of n members: round(share × n), halves rounded up. */
export function controlCount(share: number, n: number): number {
  return Math.floor(share * n + 0.5 + 1e-9);
}

/**
 * Draws a stratified, reproducible control group. Members are ordered by stratum label, then by customer id
 * (both in code-point order, which is DuckDB's default VARCHAR order); within each stratum, in that order, they are
 * shuffled by Fisher–Yates (Durstenfeld 1964, CACM 7(7):420: for i = n − 1 … 1, swap i with j = ⌊u·(i + 1)⌋) with
 * uniforms u from one Mersenne Twister `createRandomSource(seed)` consumed stratum after stratum, and the first
 * round(share × n) of the shuffled order form the control group. The same ids, strata, share and seed give the
 * same groups in any input order; `campaign create` draws exactly this with the ordering done in SQL.
 *
 * @example assignControlGroup(['c1', 'c2', 'c3', 'c4'], ['a', 'a', 'b', 'b'], 0.5, 7).control; // one control per stratum
 */
export function assignControlGroup(
  ids: readonly string[],
  strata: readonly string[],
  share: number,
  seed: number,
): ControlDraw {
  return drawControlGroup(ids, strata, share, createRandomSource(seed));
}

/** `assignControlGroup` with the uniform source injected. */
export function drawControlGroup(
  ids: readonly string[],
  strata: readonly string[],
  share: number,
  random: RandomSource,
): ControlDraw {
  if (strata.length !== ids.length) throw new RangeError(`${ids.length} ids but ${strata.length} strata`);
  const order = ids
    .map((_, i) => i)
    .sort(
      (a, b) =>
        codePointOrder(strata[a] as string, strata[b] as string) ||
        codePointOrder(ids[a] as string, ids[b] as string),
    );
  const labels: string[] = [];
  const sizes: number[] = [];
  order.forEach((i, k) => {
    const label = strata[i] as string;
    if (k > 0 && labels[labels.length - 1] === label) sizes[sizes.length - 1]! += 1;
    else {
      labels.push(label);
      sizes.push(1);
    }
  });
  const atPosition = controlPositions(sizes, share, random);
  const control = new Uint8Array(ids.length);
  order.forEach((i, k) => (control[i] = atPosition.control[k] as number));
  return {
    control,
    strata: labels.map((stratum, s) => ({
      stratum,
      members: sizes[s] as number,
      controls: atPosition.controls[s] as number,
    })),
  };
}

/**
 * The draw on members already in order: consecutive blocks of `sizes` members, one block per stratum. Returns a
 * 0/1 flag per position and the controls per block.
 */
export function controlPositions(
  sizes: readonly number[],
  share: number,
  random: RandomSource,
): { control: Uint8Array; controls: number[] } {
  const total = sizes.reduce((s, n) => s + n, 0);
  const control = new Uint8Array(total);
  const controls: number[] = [];
  let start = 0;
  for (const n of sizes) {
    const positions = Array.from({ length: n }, (_, k) => start + k);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = positions[i] as number;
      positions[i] = positions[j] as number;
      positions[j] = t;
    }
    const k = controlCount(share, n);
    for (let i = 0; i < k; i++) control[positions[i] as number] = 1;
    controls.push(k);
    start += n;
  }
  return { control, controls };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code-point order (UTF-8 byte order, as DuckDB sorts VARCHAR); `<` on UTF-16 differs only around surrogates. */
export function codePointOrder(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

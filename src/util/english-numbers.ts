/**
 * Numbers as English text writes them, in the terminal and in the engine's English sentences alike: thousands
 * separators, a fixed number of decimals, `—` for a missing value.
 */
export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US');
}

export function fmtNum(n: number | null | undefined, digits = 2): string {
  return n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `x` when it is a finite number, otherwise `null`: results must survive `JSON.stringify` unchanged. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

import { TIME_UNIT_DAYS, type DemoParameters } from './parameters.js';
import type { Random } from './random.js';

/** A customer's latent traits: purchase rate per week, dropout probability, Gamma-Gamma spend rate. */
export interface Latent {
  lambda: number;
  p: number;
  nu: number;
}

/** The orders of one customer as moments (days since the start of the calendar), reused between customers. */
export interface History {
  moments: number[];
  count: number;
  /** Repeat purchases that fell on the day of the previous order and were merged into it. */
  merged: number;
  /** The moment of dropout, or NaN when the customer is alive at the end. */
  dropout: number;
}

export function drawLatent(random: Random, params: DemoParameters): Latent {
  const { r, alpha, a, b } = params.bgnbd;
  const { q, gamma } = params.gammaGamma;
  return { lambda: random.gamma(r, alpha), p: random.beta(a, b), nu: random.gamma(q, gamma) };
}

export function emptyHistory(): History {
  return { moments: [], count: 0, merged: 0, dropout: NaN };
}

/**
 * The BG/NBD purchase process of Fader, Hardie & Lee (2005) from the first purchase at `first` until `end`
 * (exclusive), in continuous time: while alive, purchases arrive as a Poisson process with rate λ per week, and
 * right after each repeat purchase the customer drops out with probability p (never at the first purchase).
 *
 * The data is read by day, so a repeat purchase on the same calendar day as the previous order is merged into
 * that order (counted in `merged`); the dropout coin is still tossed for it, so the underlying process stays exact.
 */
export function simulateHistory(
  random: Random,
  latent: Latent,
  first: number,
  end: number,
  into: History,
): void {
  into.count = 0;
  into.merged = 0;
  into.dropout = NaN;
  into.moments[into.count++] = first;
  if (!(latent.lambda > 0)) return;
  let moment = first;
  let lastDay = Math.floor(first);
  for (;;) {
    moment += random.exponential(latent.lambda) * TIME_UNIT_DAYS;
    if (!(moment < end)) return;
    const day = Math.floor(moment);
    if (day === lastDay) {
      into.merged++;
    } else {
      into.moments[into.count++] = moment;
      lastDay = day;
    }
    if (random.uniform() < latent.p) {
      into.dropout = moment;
      return;
    }
  }
}

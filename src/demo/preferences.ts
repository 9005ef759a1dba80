import { CATEGORIES } from './categories.js';
import { cumulativeOf, type Random } from './random.js';

const total = CATEGORIES.reduce((sum, c) => sum + c.popularity, 0);

/** Each category's share of the population's purchases. */
export const CATEGORY_SHARES = Float64Array.from(CATEGORIES, (c) => c.popularity / total);
const CUMULATIVE = cumulativeOf(CATEGORY_SHARES);

/**
 * A customer's category weights, Dirichlet-like but cheap to draw: one to three favourite categories (drawn by
 * popularity, each with an exponential weight) carry `loyalty` of the weight and the population mix the rest, so
 * customers differ sharply in what they buy while every category stays possible.
 */
export function drawPreferences(random: Random, loyalty: number, out: Float64Array): void {
  const favourites = random.fraction() < 0.45 ? 1 : random.fraction() < 0.64 ? 2 : 3;
  out.fill(0);
  let weightSum = 0;
  for (let k = 0; k < favourites; k++) {
    const c = random.draw(CUMULATIVE);
    const weight = -Math.log(1 - random.fraction());
    out[c] = (out[c] ?? 0) + weight;
    weightSum += weight;
  }
  for (let c = 0; c < out.length; c++) {
    out[c] = (1 - loyalty) * (CATEGORY_SHARES[c] ?? 0) + (loyalty * (out[c] ?? 0)) / weightSum;
  }
}

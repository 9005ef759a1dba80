import { CATEGORIES } from './categories.js';
import { unitsFor, type Catalogue, type Product } from './catalogue.js';
import type { DemoParameters } from './parameters.js';
import type { Random } from './random.js';

/** Weight of a category whose price range does not suit a line's budget. */
const UNFIT = 0.02;
const MAX_LINES = 64;

/**
 * Turns an order value z (cents) into lines. The number of lines grows with z; each line gets a Dirichlet(2)
 * share of z as its budget, a category by the shopper's preference among categories whose prices suit that
 * budget, and a popular SKU and quantity close to it. The line amounts are z split in proportion to the lines'
 * list values (the remainder going to the last line), so the lines of an order add up to z exactly.
 */
export class Basket {
  readonly products: Product[] = [];
  readonly units = new Int32Array(MAX_LINES);
  readonly amounts = new Float64Array(MAX_LINES);
  private readonly shape: DemoParameters['basket'];
  private readonly typicalValueCents: number;
  private readonly categoryWeights = new Float64Array(CATEGORIES.length);

  constructor(
    private readonly random: Random,
    private readonly catalogue: Catalogue,
    params: DemoParameters,
  ) {
    const { p, q, gamma } = params.gammaGamma;
    this.shape = params.basket;
    this.typicalValueCents = (100 * p * gamma) / q;
  }

  /** Fills `products`, `units` and `amounts` for the lines of an order and returns how many there are. */
  fill(valueCents: number, preferences: Float64Array): number {
    const random = this.random;
    const { maxLines, lineShare } = this.shape;
    const share = Math.min(0.95, lineShare * Math.sqrt(valueCents / this.typicalValueCents));
    let lines = 1;
    for (let k = 1; k < maxLines; k++) if (random.fraction() < share) lines++;
    lines = Math.min(lines, valueCents);
    let totalWeight = 0;
    for (let i = 0; i < lines; i++) {
      const w = -Math.log((1 - random.fraction()) * (1 - random.fraction()));
      this.amounts[i] = w;
      totalWeight += w;
    }
    let listTotal = 0;
    for (let i = 0; i < lines; i++) {
      const budget = (valueCents * (this.amounts[i] ?? 0)) / totalWeight;
      const product = this.catalogue.choose(random, this.category(budget, preferences), budget);
      const units = unitsFor(budget, product.priceCents);
      this.products[i] = product;
      this.units[i] = units;
      this.amounts[i] = units * product.priceCents;
      listTotal += units * product.priceCents;
    }
    let allocated = 0;
    for (let i = 0; i < lines - 1; i++) {
      const amount = Math.floor((valueCents * (this.amounts[i] ?? 0)) / listTotal);
      if (amount < 1) {
        lines = 1;
        allocated = 0;
        break;
      }
      this.amounts[i] = amount;
      allocated += amount;
    }
    this.amounts[lines - 1] = valueCents - allocated;
    return lines;
  }

  private category(budgetCents: number, preferences: Float64Array): number {
    const weights = this.categoryWeights;
    let total = 0;
    for (let c = 0; c < weights.length; c++) {
      total += (preferences[c] ?? 0) * (this.catalogue.fits(c, budgetCents) ? 1 : UNFIT);
      weights[c] = total;
    }
    const target = this.random.fraction() * total;
    let c = 0;
    while (c < weights.length - 1 && (weights[c] ?? 0) <= target) c++;
    return c;
  }
}

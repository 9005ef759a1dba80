import { CATEGORIES } from './categories.js';
import { formatCents } from './number-text.js';
import { cumulativeOf, searchCumulative, type Random } from './random.js';

export interface Product {
  sku: string;
  name: string;
  category: number;
  brand: string;
  priceCents: number;
}

/** SKUs of one category sorted by list price, with the prefix sums of their Zipf-like popularity. */
interface Shelf {
  products: Product[];
  prices: Float64Array;
  cumulative: Float64Array;
}

/** Unit prices a line may have relative to its budget: up to six units of a cheaper item, or one dearer item. */
const MAX_UNITS = 6;
const WINDOW_LOW = 1 / (MAX_UNITS + 0.5);
const WINDOW_HIGH = 1.3;
const ZIPF_EXPONENT = 0.9;

/**
 * The SKU catalogue: categories × brands × items, list prices log-uniform within each category's range and
 * rounded to retail endings (…9 roubles), popularity Zipf-like within each category.
 */
export class Catalogue {
  /** Smallest and largest line budgets (cents) that suit each category. */
  private readonly lowestBudget = Float64Array.from(CATEGORIES, (c) => (c.minPrice * 100) / WINDOW_HIGH);
  private readonly highestBudget = Float64Array.from(CATEGORIES, (c) => c.maxPrice * 100 * MAX_UNITS);

  private constructor(
    readonly products: readonly Product[],
    private readonly shelves: readonly Shelf[],
  ) {}

  static generate(random: Random, size: number): Catalogue {
    const counts = apportion(
      size,
      CATEGORIES.map((c) => c.popularity),
    );
    const products: Product[] = [];
    const shelves: Shelf[] = [];
    const width = Math.max(5, String(size).length);
    CATEGORIES.forEach((category, index) => {
      const shelf: { product: Product; weight: number }[] = [];
      const count = counts[index] ?? 0;
      for (let k = 0; k < count; k++) {
        const logPrice =
          Math.log(category.minPrice) + random.uniform() * Math.log(category.maxPrice / category.minPrice);
        const item = random.pick(category.items);
        const brand = random.pick(category.brands);
        const product: Product = {
          sku: `SKU${String(products.length + 1).padStart(width, '0')}`,
          name: `${item} ${brand} ${modelCode(random)}`,
          category: index,
          brand,
          priceCents: retailPrice(Math.exp(logPrice)) * 100,
        };
        products.push(product);
        shelf.push({ product, weight: 1 / Math.pow(k + 1, ZIPF_EXPONENT) });
      }
      shelf.sort((x, y) => x.product.priceCents - y.product.priceCents);
      shelves.push({
        products: shelf.map((s) => s.product),
        prices: Float64Array.from(shelf, (s) => s.product.priceCents),
        cumulative: cumulativeOf(shelf.map((s) => s.weight)),
      });
    });
    return new Catalogue(products, shelves);
  }

  /** Whether a line budget (cents) suits the category's price range. */
  fits(category: number, budgetCents: number): boolean {
    return (
      budgetCents >= (this.lowestBudget[category] ?? 0) && budgetCents <= (this.highestBudget[category] ?? 0)
    );
  }

  /** A popular SKU of the category whose list price suits the budget (the nearest one when none does). */
  choose(random: Random, category: number, budgetCents: number): Product {
    const shelf = this.shelves[category];
    if (!shelf || shelf.products.length === 0) throw new Error(`empty category ${category}`);
    const lo = lowerBound(shelf.prices, budgetCents * WINDOW_LOW);
    const hi = lowerBound(shelf.prices, budgetCents * WINDOW_HIGH + 1);
    let index: number;
    if (lo < hi) {
      const below = lo === 0 ? 0 : (shelf.cumulative[lo - 1] ?? 0);
      const span = (shelf.cumulative[hi - 1] ?? 0) - below;
      index = Math.min(hi - 1, searchCumulative(shelf.cumulative, below + random.fraction() * span));
    } else {
      index = Math.min(lo, shelf.products.length - 1);
    }
    const product = shelf.products[index];
    if (!product) throw new Error(`no product at ${index}`);
    return product;
  }

  csv(): string {
    return this.products
      .map(
        (p) =>
          `${p.sku},${p.name},${CATEGORIES[p.category]?.name ?? ''},${p.brand},${formatCents(p.priceCents)}\n`,
      )
      .join('');
  }
}

/** Units of a product bought on a line with this budget: the nearest whole number, 1 to 6. */
export function unitsFor(budgetCents: number, priceCents: number): number {
  return Math.max(1, Math.min(MAX_UNITS, Math.round(budgetCents / priceCents)));
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Integer counts proportional to weights that add up to total (largest remainder), at least one each. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * (total - weights.length));
  const counts = exact.map((e) => 1 + Math.floor(e));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

function retailPrice(roubles: number): number {
  return Math.max(9, Math.round(roubles / 10) * 10 - 1);
}

function modelCode(random: Random): string {
  return `${String.fromCharCode(65 + random.int(26))}${100 + random.int(900)}`;
}

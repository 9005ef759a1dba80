/**
 * The generating parameters of the demo retailer. Time is measured in weeks of 7 days and money in roubles.
 *
 * - `bgnbd`: Fader, Hardie & Lee (2005). Each customer's purchase rate λ per week ~ Gamma(shape r, rate alpha)
 *   and dropout probability p ~ Beta(a, b); the customer is alive at the first purchase and drops out with
 *   probability p immediately after each repeat purchase. With these defaults a customer buys about 3.5 times a
 *   year while alive (mean λ = r / alpha) and the average customer makes about 4 orders over 2023–2025.
 * - `gammaGamma`: Fader, Hardie & Lee (2005b). Each customer's ν ~ Gamma(shape q, rate gamma) and each order value
 *   z ~ Gamma(shape p, rate ν), so E[z | ν] = p / ν and the mean order value is p·gamma / (q − 1) = 3,000 RUB.
 */
export interface DemoParameters {
  bgnbd: { r: number; alpha: number; a: number; b: number };
  gammaGamma: { p: number; q: number; gamma: number };
  /** Lines per order: 1 + Binomial(maxLines − 1, π), π = lineShare·√(z / (p·gamma / q)) capped at 0.95. */
  basket: { maxLines: number; lineShare: number };
  /** Share of purchase lines returned; the delay in days is 1 + an exponential with this mean. */
  returns: { share: number; meanDelayDays: number };
  /** Share of purchase lines sold to anonymous (unidentified) shoppers; those receipts have an empty customer_id. */
  anonymous: { share: number; onlineShare: number };
  /** Each customer's share of online orders ~ Beta(onlineA, onlineB); offline orders go to the home store this often. */
  channels: { onlineA: number; onlineB: number; homeStoreShare: number };
  /** Size of the SKU catalogue; share of a customer's purchases that go to their 1–3 favourite categories. */
  catalogue: { products: number; loyalty: number };
}

export const DEFAULT_DEMO_PARAMETERS: DemoParameters = Object.freeze({
  bgnbd: Object.freeze({ r: 0.8, alpha: 12, a: 0.8, b: 4 }),
  gammaGamma: Object.freeze({ p: 6, q: 4, gamma: 1500 }),
  basket: Object.freeze({ maxLines: 6, lineShare: 0.24 }),
  returns: Object.freeze({ share: 0.03, meanDelayDays: 6 }),
  anonymous: Object.freeze({ share: 0.15, onlineShare: 0.08 }),
  channels: Object.freeze({ onlineA: 1, onlineB: 3, homeStoreShare: 0.85 }),
  catalogue: Object.freeze({ products: 2000, loyalty: 0.75 }),
});

export const TIME_UNIT_DAYS = 7;
export const CURRENCY = 'RUB';

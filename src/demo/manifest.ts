import { CURRENCY, TIME_UNIT_DAYS, type DemoParameters } from './parameters.js';

export interface ManifestInput {
  seed: number;
  customers: number;
  start: string;
  end: string;
  parameters: DemoParameters;
  /** The two sales files of a split by date (file names relative to the folder). */
  split?: object;
}

/** The content of params.json: the true generating parameters with their units and the rules of the generator. */
export function manifest(input: ManifestInput): object {
  const { bgnbd, gammaGamma } = input.parameters;
  return {
    generator: 'clientele demo',
    seed: input.seed,
    customers: input.customers,
    period: { start: input.start, end: input.end, end_inclusive: true },
    ...(input.split ? { split: input.split } : {}),
    time_unit: { name: 'week', days: TIME_UNIT_DAYS },
    currency: CURRENCY,
    parameters: input.parameters,
    models: {
      bgnbd: {
        ...bgnbd,
        reference:
          'Fader, Hardie & Lee (2005), "Counting Your Customers" the Easy Way: An Alternative to the Pareto/NBD Model',
        lambda: 'purchases per week while alive ~ Gamma(shape r, rate alpha); alpha is in weeks',
        p: 'dropout probability after each repeat purchase ~ Beta(a, b); alive at the first purchase',
        mean_lambda_per_week: bgnbd.r / bgnbd.alpha,
        mean_p: bgnbd.a / (bgnbd.a + bgnbd.b),
      },
      gamma_gamma: {
        ...gammaGamma,
        reference:
          'Fader, Hardie & Lee (2005), RFM and CLV: Using Iso-Value Curves for Customer Base Analysis',
        nu: 'per customer ~ Gamma(shape q, rate gamma), in 1/RUB',
        z: 'order value in RUB ~ Gamma(shape p, rate nu), E[z | nu] = p / nu',
        mean_order_value: gammaGamma.q > 1 ? (gammaGamma.p * gammaGamma.gamma) / (gammaGamma.q - 1) : null,
      },
    },
    rules: {
      acquisition: 'first purchases spread over the period with monthly, weekday and pre-holiday seasonality',
      same_day: 'a repeat purchase on the calendar day of the previous order is merged into that order',
      clock:
        'time of day is the fraction of the day mapped through store-hour (offline) or round-the-clock (online) traffic',
      order_value:
        'the lines of an order add up to round(z * 100) cents exactly; price is the net unit price paid',
      order_ids: 'O<block>-<n> for purchases, R<block>-<n> for returns; a block is 10,000 customers',
      returns:
        'separate lines under a new document id, same customer, SKU, store and channel, negative quantity and amount',
      anonymous: 'receipts with an empty customer_id; their share is of purchase lines',
      preferences: '1-3 favourite categories per customer carry catalogue.loyalty of the category weight',
      random_streams: 'mt19937 seeded with (seed, 0) for the catalogue and (seed, k) for block k',
      ...(input.split
        ? {
            split:
              'the sales lines dated before split.at are in split.before.file, the others in split.from.file; together they are the lines of the unsplit file of the same seed, each file in that order',
          }
        : {}),
    },
  };
}

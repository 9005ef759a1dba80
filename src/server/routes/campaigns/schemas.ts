/** JSON schemas of the campaigns API (they validate requests and document the API at /docs). */
import { MAX_SEED } from '../../../campaigns/index.js';
import { nullableNumber, nullableString } from '../../schemas.js';

const count = { type: 'integer' } as const;
const date = { type: 'string', description: 'YYYY-MM-DD' } as const;

export const campaignIdParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, description: 'campaign_id' } },
  required: ['id'],
} as const;

/** A stored campaign, as the `campaigns` table holds it. */
export const campaignSchema = {
  type: 'object',
  properties: {
    campaign_id: count,
    name: { type: 'string' },
    segment: { type: 'string', description: 'The selection rule, in the segment expression language.' },
    as_of: { ...date, description: 'Selection date: the rule was evaluated on sales up to it.' },
    start: { ...date, description: 'First day of the campaign.' },
    end: { ...nullableString, description: 'Last day of the campaign (inclusive), if given.' },
    channel: nullableString,
    cost_per_contact: nullableNumber,
    control_share: { type: 'number' },
    stratify: nullableString,
    seed: {
      type: 'integer',
      description: 'Seed of the control-group draw; the same seed gives the same draw.',
    },
    members: count,
    targets: count,
    controls: count,
    segments: {
      type: 'boolean',
      description: 'Stage, RFM and ABC/XYZ columns existed at the selection date.',
    },
    created_at: { type: 'string' },
  },
} as const;

const estimate = {
  type: 'object',
  properties: { estimate: nullableNumber, lower: nullableNumber, upper: nullableNumber },
} as const;
const nullableEstimate = { ...estimate, type: ['object', 'null'] } as const;

export const WINDOW_STATUSES = ['before_start', 'in_progress', 'complete'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

export const listingSchema = {
  type: 'object',
  properties: {
    ...campaignSchema.properties,
    last_day: {
      ...date,
      description: 'Last day of the evaluation window by default (end, else start + 29 days).',
    },
    window_status: {
      type: 'string',
      enum: WINDOW_STATUSES,
      description:
        'Where the loaded sales stand against the default window: before its start, inside it, past it.',
    },
    evaluations: count,
    last_evaluation: {
      type: ['object', 'null'],
      properties: {
        evaluated_at: { type: 'string' },
        window_days: count,
        incremental_revenue: estimate,
        revenue_p_value: nullableNumber,
        roi: nullableEstimate,
        verdict: { type: 'string' },
      },
    },
  },
} as const;

const text = (maxLength: number, description: string) =>
  ({ type: 'string', minLength: 1, maxLength, description }) as const;

const selectionProperties = {
  selection: text(
    4000,
    "Who to select, in the segment expression language, e.g. stage = 'asleep' and revenue > 500 (GET /api/campaigns/fields lists the fields).",
  ),
  control_share: {
    type: 'number',
    exclusiveMinimum: 0,
    exclusiveMaximum: 1,
    default: 0.1,
    description:
      'Share of the selected customers kept as an untouched control group, strictly between 0 and 1.',
  },
  as_of: {
    type: 'string',
    description:
      'Selection date YYYY-MM-DD: the rule is evaluated on sales up to it (default: the latest sale).',
  },
} as const;

export const planBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['selection'],
  properties: {
    ...selectionProperties,
    metric: { type: 'string', enum: ['conversion', 'revenue'], default: 'conversion' },
    window_days: {
      type: 'integer',
      minimum: 1,
      maximum: 3660,
      default: 30,
      description: 'Length of the campaign window in days.',
    },
    mde: {
      type: 'string',
      maxLength: 40,
      description:
        'Effect to detect: absolute (0.01 = one point of conversion, or an amount per customer for revenue) or relative to the baseline (10%).',
    },
    power: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.8 },
  },
} as const;

export const createBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'selection'],
  properties: {
    name: text(200, 'Unique name of the campaign.'),
    ...selectionProperties,
    seed: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_SEED,
      description: 'Seed of the control-group draw (default: a random one, stored and returned).',
    },
    stratify: {
      type: 'string',
      maxLength: 100,
      description:
        'Draw the control group within each value of this column: stage, rfm_segment, abc, xyz, region…',
    },
    channel: { type: 'string', maxLength: 100 },
    cost_per_contact: { type: 'number', minimum: 0, description: 'Cost of one contact, for the ROI.' },
    start: {
      type: 'string',
      description: 'First day YYYY-MM-DD (default: the day after the selection date).',
    },
    end: { type: 'string', description: 'Last day YYYY-MM-DD, inclusive.' },
  },
} as const;

/** An effect, absolute and relative to the baseline. */
const effect = {
  type: ['object', 'null'],
  properties: { absolute: { type: 'number' }, relative: nullableNumber },
} as const;

export const planSchema = {
  type: 'object',
  properties: {
    segment: { type: 'string' },
    as_of: date,
    customers: count,
    control_share: { type: 'number' },
    controls: count,
    targets: count,
    metric: { type: 'string', enum: ['conversion', 'revenue'] },
    window_days: count,
    history: {
      type: 'object',
      description: 'How the segment behaved in a past window of the planned length.',
      properties: {
        selected_as_of: date,
        from: date,
        to: date,
        days: count,
        basis: { type: 'string' },
        customers: count,
        converted: count,
        conversion_rate: nullableNumber,
        revenue_mean: nullableNumber,
        revenue_sd: nullableNumber,
      },
    },
    baseline: nullableNumber,
    standard_deviation: nullableNumber,
    alpha: { type: 'number' },
    power: { type: 'number' },
    mde: effect,
    sample_size: {
      type: ['object', 'null'],
      description:
        'Customers needed for that effect at the planned split (exact: unrounded, as R reports it).',
      properties: {
        control: count,
        treatment: count,
        total: count,
        controlExact: { type: 'number' },
        treatmentExact: { type: 'number' },
      },
    },
    detectable: effect,
    large_enough: { type: ['boolean', 'null'] },
    verdict: { type: 'string' },
    method: { type: 'string' },
  },
} as const;

export const strataSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { stratum: { type: 'string' }, members: count, controls: count, targets: count },
  },
} as const;

export const createdSchema = {
  type: 'object',
  properties: {
    ...campaignSchema.properties,
    strata: strataSchema,
    target_columns: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const resultRowSchema = {
  type: 'object',
  properties: {
    measure: { type: 'string' },
    target: nullableNumber,
    control: nullableNumber,
    estimate: nullableNumber,
    lower: nullableNumber,
    upper: nullableNumber,
    p_value: nullableNumber,
  },
} as const;

export const transitionRowSchema = {
  type: 'object',
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    target_from: count,
    target_moved: count,
    target_share: { type: 'number' },
    control_from: count,
    control_moved: count,
    control_share: { type: 'number' },
    difference: { type: 'number' },
    lower: nullableNumber,
    upper: nullableNumber,
    p_value: nullableNumber,
    p_value_holm: nullableNumber,
  },
} as const;

const windowSchema = {
  type: 'object',
  description:
    "The days over which the campaign's outcomes are counted, and the pre-period of the same length.",
  properties: {
    days: count,
    start: date,
    end: { ...date, description: 'The day after the window.' },
    last_day: date,
    pre_start: date,
    pre_period_observed: { type: 'boolean' },
    sales_until: date,
    complete: { type: 'boolean' },
    basis: { type: 'string', enum: ['given', 'campaign start to end', 'default 30 days'] },
  },
} as const;

const summarySchema = {
  type: 'object',
  properties: {
    targets: count,
    controls: count,
    conversion_target: { type: 'number' },
    conversion_control: { type: 'number' },
    conversion_difference: estimate,
    conversion_p_value: nullableNumber,
    incremental_conversions: estimate,
    revenue_per_target: { type: 'number' },
    revenue_per_control: { type: 'number' },
    revenue_per_customer_difference: estimate,
    revenue_p_value: nullableNumber,
    incremental_revenue: estimate,
    incremental_revenue_cuped: nullableEstimate,
    cost: nullableNumber,
    roi: nullableEstimate,
    sample_ratio_mismatch: { type: 'boolean' },
    significant: { type: 'boolean' },
    verdict: { type: 'string' },
  },
} as const;

const funnelSchema = {
  type: ['object', 'null'],
  description: 'The e-mail funnel of the contact log; null without one.',
  properties: {
    sent: count,
    opened: count,
    clicked: count,
    converted: count,
    orders: count,
    cost: nullableNumber,
    ratios: {
      type: 'object',
      properties: {
        deliveryRate: nullableNumber,
        openRate: nullableNumber,
        clickThroughRate: nullableNumber,
        clickToOpenRate: nullableNumber,
        conversionRate: nullableNumber,
        costPerOrder: nullableNumber,
      },
    },
    control_contacted: count,
  },
} as const;

export const evaluationSchema = {
  type: 'object',
  properties: {
    campaign: campaignSchema,
    window: windowSchema,
    summary: summarySchema,
    evaluation: {
      type: 'object',
      description:
        'The statistics behind the summary: arms, comparisons, the sample-ratio check, the methods.',
      additionalProperties: true,
      properties: {
        margin: { type: 'number' },
        sampleRatio: {
          type: 'object',
          additionalProperties: true,
          properties: {
            chiSquare: { type: 'number' },
            pValue: { type: 'number' },
            mismatch: { type: 'boolean' },
            expected: { type: 'array', items: { type: 'number' } },
          },
        },
        methods: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    transitions: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: true,
          properties: {
            available: { type: 'boolean', enum: [true] },
            from: {
              type: 'object',
              additionalProperties: true,
              properties: { as_of: date, basis: { type: 'string' } },
            },
            to: {
              type: 'object',
              additionalProperties: true,
              properties: { as_of: date, basis: { type: 'string' } },
            },
          },
        },
        {
          type: 'object',
          additionalProperties: true,
          properties: {
            available: { type: 'boolean', enum: [false] },
            gap: { type: 'string', enum: ['no_analysis', 'no_stages_at_selection', 'no_snapshot_after'] },
            reason: { type: 'string' },
          },
        },
      ],
    },
    funnel: funnelSchema,
    warnings: { type: 'array', items: { type: 'string' } },
    evaluated_at: { type: 'string' },
    results: { type: 'array', items: resultRowSchema },
    moves: { type: 'array', items: transitionRowSchema },
  },
} as const;

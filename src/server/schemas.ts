/** JSON-schema pieces the route modules share; they validate requests and document the API (OpenAPI). */

export const errorSchema = {
  type: 'object',
  description: 'What went wrong, in one paragraph.',
  properties: {
    error: { type: 'string' },
    field: { type: 'string', description: 'The request field the error is about, when it is about one.' },
  },
  required: ['error'],
} as const;

/** Responses for the given error statuses (401 is added: every non-public route needs the token). */
export function errors(...codes: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries([401, ...codes].map((c) => [c, errorSchema]));
}

export const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const formatParam = {
  type: 'string',
  enum: TABLE_FORMATS,
  default: 'json',
  description:
    'json (default) answers with JSON; csv or xlsx downloads the whole table as a file (text that a spreadsheet would run as a formula is neutralized).',
} as const;

/** The language of the texts an answer writes (verdicts, methods, warnings); the CLI's are English. */
export const langParam = {
  type: 'string',
  enum: ['en', 'ru'],
  default: 'en',
  description: 'Language of the texts in the answer (verdict, method, warnings): en (default) or ru.',
} as const;

export const asOfParam = {
  type: 'string',
  description: 'Compute with sales up to this date, YYYY-MM-DD (default: the date of the latest sale).',
} as const;

export const limitParam = (max: number, value: number) =>
  ({
    type: 'integer',
    minimum: 0,
    maximum: max,
    default: value,
    description: `Rows to return (at most ${max}).`,
  }) as const;

export const offsetParam = { type: 'integer', minimum: 0, default: 0, description: 'Rows to skip.' } as const;

/** A row whose columns follow the data (profile columns, table columns). */
export const rowSchema = { type: 'object', additionalProperties: true } as const;

export const nullableString = { type: ['string', 'null'] } as const;
export const nullableNumber = { type: ['number', 'null'] } as const;

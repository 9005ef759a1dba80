/** Why a row was rejected: a stable code (stored in `rejects.reason`) and its meaning for people. */
export const REJECT_REASONS = {
  field_count: 'the line has a different number of fields than the header',
  reader_error: 'the line could not be read as part of the table',
  bad_json: 'the line is not a JSON object',
  missing_date: 'the date is empty',
  bad_date: 'the date cannot be read',
  date_out_of_range: 'the date is before 1900 or after 2100',
  missing_amount: 'the amount is empty',
  bad_amount: 'the amount is not a number',
  missing_price: 'the price is empty',
  bad_price: 'the price is not a number',
  missing_quantity: 'the quantity is empty (needed to compute the amount)',
  bad_quantity: 'the quantity is not a number',
  bad_cost: 'the cost is not a number',
  missing_key: 'the identifier is empty',
  duplicate_key: 'the identifier repeats one of an earlier line',
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

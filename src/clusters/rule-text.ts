import type { ThresholdStyle } from './threshold-style.js';

/** One condition of a rule, with its threshold already rounded into the user's units. */
export interface Condition {
  feature: string;
  op: '<=' | '>';
  value: number;
}

const AND = { en: ' and ', ru: ' и ' } as const;
const EVERYONE = { en: 'all customers', ru: 'все клиенты' } as const;

/**
 * A conjunction of conditions as text, e.g. "recency_days ≤ 45 and orders ≥ 6". On whole-number features
 * `> 5` is written `≥ 6` (the same customers).
 */
export function ruleText(
  conditions: readonly Condition[],
  styles: Readonly<Record<string, ThresholdStyle>>,
  language: 'en' | 'ru',
): string {
  if (conditions.length === 0) return EVERYONE[language];
  return conditions
    .map(({ feature, op, value }) => {
      if (op === '<=') return `${feature} ≤ ${value}`;
      return styles[feature] === 'integer' ? `${feature} ≥ ${value + 1}` : `${feature} > ${value}`;
    })
    .join(AND[language]);
}

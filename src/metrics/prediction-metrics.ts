import type { Metric } from './metric.js';

const FIT = {
  en: 'BG/NBD (Fader, Hardie & Lee 2005) fitted by maximum likelihood on every customer’s transactions up to the as-of date (same-day purchases merged, weeks of 7 days)',
  ru: 'модель BG/NBD (Fader, Hardie & Lee 2005), оценённая методом максимального правдоподобия по покупкам всех клиентов до даты расчёта (покупки одного дня объединены, неделя = 7 дней)',
};

const m = (
  id: string,
  unit: Metric['unit'],
  type: Metric['type'],
  name: Metric['name'],
  method: Metric['method'],
): Metric => ({
  id,
  group: 'prediction',
  unit,
  level: 'prediction',
  type,
  sql: `pr.${id}`,
  name,
  method,
});

/** Columns written by `clientele predict`; the profile shows them when predictions exist at its date. */
export const PREDICTION_METRICS: readonly Metric[] = [
  m(
    'expected_purchases',
    'count',
    'DOUBLE',
    { en: 'Expected purchases (horizon)', ru: 'Ожидаемые покупки (горизонт)' },
    {
      en: `Expected number of purchase days in the prediction horizon (12 months by default), given the customer's history: the conditional expectation of the ${FIT.en}.`,
      ru: `Ожидаемое число дней покупок в горизонте прогноза (по умолчанию 12 месяцев) с учётом истории клиента: условное ожидание; ${FIT.ru}.`,
    },
  ),
  m(
    'p_alive',
    'ratio',
    'DOUBLE',
    { en: 'P(alive)', ru: 'Вероятность активности P(alive)' },
    {
      en: `Probability that the customer has not yet stopped buying for good, given how often and how recently they bought; ${FIT.en}.`,
      ru: `Вероятность того, что клиент ещё не перестал покупать насовсем, с учётом частоты и давности покупок; ${FIT.ru}.`,
    },
  ),
  m(
    'churn_risk',
    'ratio',
    'DOUBLE',
    { en: 'Churn risk', ru: 'Риск ухода' },
    {
      en: '1 − P(alive): the probability that the customer has already stopped buying.',
      ru: '1 − P(alive): вероятность того, что клиент уже перестал покупать.',
    },
  ),
  m(
    'p_no_purchase',
    'ratio',
    'DOUBLE',
    { en: 'P(no purchase in horizon)', ru: 'Вероятность отсутствия покупок в горизонте' },
    {
      en: 'Probability that the customer makes no purchase in the prediction horizon (dead, or alive but not buying).',
      ru: 'Вероятность того, что клиент не купит ничего в горизонте прогноза (ушёл или активен, но не покупает).',
    },
  ),
  m(
    'expected_spend',
    'currency',
    'DOUBLE',
    { en: 'Expected value per purchase', ru: 'Ожидаемая сумма покупки' },
    {
      en: 'Gamma-Gamma model (Fader, Hardie & Lee 2005): the customer’s mean repeat purchase value shrunk toward the population mean, more so with few repeat purchases; the population mean for customers without one.',
      ru: 'Модель Gamma-Gamma (Fader, Hardie & Lee 2005): средняя сумма повторных покупок клиента, притянутая к среднему по базе (тем сильнее, чем меньше покупок); для клиентов без повторных покупок — среднее по базе.',
    },
  ),
  m(
    'clv',
    'currency',
    'DOUBLE',
    { en: 'CLV (horizon)', ru: 'CLV (горизонт)' },
    {
      en: 'Customer lifetime value over the horizon: Σ over periods of margin × expected value per purchase × expected purchases in the period, discounted by (1 + rate)^k (margin 1 and rate 0 unless set).',
      ru: 'Ценность клиента за горизонт: Σ по периодам маржа × ожидаемая сумма покупки × ожидаемое число покупок в периоде, дисконтированное на (1 + ставка)^k (маржа 1 и ставка 0, если не заданы).',
    },
  ),
  m(
    'next_purchase_date',
    'date',
    'DATE',
    { en: 'Predicted next purchase', ru: 'Прогноз следующей покупки' },
    {
      en: 'As-of date plus the median wait until the next purchase of a customer who is still alive, (α + T)(2^(1/(r+x)) − 1) weeks; read it together with P(alive).',
      ru: 'Дата расчёта плюс медианное ожидание следующей покупки клиента, который ещё активен, (α + T)(2^(1/(r+x)) − 1) недель; читать вместе с P(alive).',
    },
  ),
];

import { DEFAULT_KAPPA, rhythmSql } from '../segments/rhythm.js';
import type { Metric } from './metric.js';
import { abcMethod, DEFAULT_SEGMENT_SETTINGS, rfmScoreMethod, xyzMethod } from './segment-methods.js';

const rhythm = rhythmSql({
  k: '(purchase_days - 1)',
  mean: 'ipi_mean_days',
  sd: 'ipi_std_days',
  r0: 'pop.r0',
  c0: 'pop.c0',
});

const RHYTHM_METHOD = {
  en: `r = (k·ḡ + ${DEFAULT_KAPPA}·r₀) / (k + ${DEFAULT_KAPPA}), where k is the number of gaps between the customer's purchase days, ḡ their mean and r₀ the median of ḡ over all repeat customers at the as-of date: the customer's own rhythm, pulled toward the population's when they have few gaps (credibility weighting).`,
  ru: `r = (k·ḡ + ${DEFAULT_KAPPA}·r₀) / (k + ${DEFAULT_KAPPA}), где k — число интервалов между днями покупок клиента, ḡ — их среднее, r₀ — медиана ḡ по всем повторным клиентам на дату расчёта: собственный ритм клиента, притянутый к ритму всей базы, когда интервалов мало.`,
};

/** Purchase-rhythm metrics, computed with the profile (they need only the population's rhythm at the date). */
export const RHYTHM_METRICS: readonly Metric[] = [
  {
    id: 'rhythm_days',
    group: 'activity',
    unit: 'days',
    level: 'population',
    type: 'DOUBLE',
    sql: rhythm.r,
    name: { en: 'Typical days between purchases (r)', ru: 'Типичный интервал между покупками (r), дней' },
    method: RHYTHM_METHOD,
  },
  {
    id: 'spread_days',
    group: 'activity',
    unit: 'days',
    level: 'population',
    type: 'DOUBLE',
    sql: rhythm.s,
    name: { en: 'Spread of the rhythm (s)', ru: 'Разброс ритма (s), дней' },
    method: {
      en: `s = r·c, c = ((k−1)·cᵢ + ${DEFAULT_KAPPA}·c₀) / (k−1 + ${DEFAULT_KAPPA}), where cᵢ is the customer's coefficient of variation of the gaps (sample sd / mean, with at least two gaps) and c₀ its median over customers.`,
      ru: `s = r·c, c = ((k−1)·cᵢ + ${DEFAULT_KAPPA}·c₀) / (k−1 + ${DEFAULT_KAPPA}), где cᵢ — коэффициент вариации интервалов клиента (выборочное ст. отклонение / среднее, при двух и более интервалах), c₀ — его медиана по клиентам.`,
    },
  },
  {
    id: 'expected_next_purchase',
    group: 'activity',
    unit: 'date',
    level: 'population',
    type: 'DATE',
    sql: `CAST(last_purchase + CAST(round(${rhythm.r}) AS INTEGER) AS DATE)`,
    name: { en: 'Expected next purchase', ru: 'Ожидаемая следующая покупка' },
    method: {
      en: 'Last purchase date plus r, rounded to whole days.',
      ru: 'Дата последней покупки плюс r, округлённое до дней.',
    },
  },
  {
    id: 'days_overdue',
    group: 'activity',
    unit: 'days',
    level: 'population',
    type: 'INTEGER',
    sql: `CAST(greatest(0, recency_days - round(${rhythm.r})) AS INTEGER)`,
    name: { en: 'Days overdue', ru: 'Дней просрочки' },
    method: {
      en: 'Days since the expected next purchase (0 when it is not yet due).',
      ru: 'Дней после ожидаемой следующей покупки (0, если срок ещё не наступил).',
    },
  },
];

const STAGE_RULES = {
  en: `Evaluated at each snapshot from the customer's rhythm r and spread s and two thresholds derived from the data at that date: G = the 90th percentile of the gap between first and second purchase, L = the 95th percentile of all gaps between consecutive purchase days. First rule that holds: new — the first purchase is in the snapshot's month; one_time — one purchase day and recency ≤ G (beyond: asleep up to max(G, L), then lost); active — recency ≤ r + s; falling_asleep — recency ≤ r + 2s; asleep — recency ≤ max(L, r + 3s); lost — beyond. restored replaces active when the last purchase was made in a month that began with the customer asleep or lost and nothing has been bought since.`,
  ru: `Определяется на каждую дату среза по ритму клиента r и разбросу s и двум порогам из данных на эту дату: G — 90-й перцентиль интервала между первой и второй покупкой, L — 95-й перцентиль всех интервалов между соседними днями покупок. Первое выполненное правило: новый — первая покупка в месяце среза; с 1 покупкой — один день покупок и давность ≤ G (дальше — уснувший до max(G, L), затем ушедший); активный — давность ≤ r + s; засыпающий — ≤ r + 2s; уснувший — ≤ max(L, r + 3s); ушедший — дольше. Восстановленный вместо активного: последняя покупка сделана в месяце, который клиент начал уснувшим или ушедшим, и после неё покупок не было.`,
};

/** Segment columns stored by `clientele analyze`; the profile shows them when an analysis exists for its date. */
export const SNAPSHOT_METRICS: readonly Metric[] = [
  {
    id: 'stage',
    group: 'segment',
    unit: 'text',
    level: 'snapshot',
    type: 'VARCHAR',
    sql: 'cs.stage',
    name: { en: 'Lifecycle stage', ru: 'Стадия жизненного цикла' },
    method: STAGE_RULES,
  },
  {
    id: 'days_in_stage',
    group: 'segment',
    unit: 'days',
    level: 'snapshot',
    type: 'INTEGER',
    sql: 'cs.days_in_stage',
    name: { en: 'Days in the current stage', ru: 'Дней в текущей стадии' },
    method: {
      en: 'Days since the stage began: for falling asleep, asleep and lost the day recency crossed the threshold; for new and one-time the first purchase; for active and restored the first purchase in the month the stage was first seen in its current unbroken run of snapshots.',
      ru: 'Дней с начала стадии: для засыпающих, уснувших и ушедших — с дня, когда давность перешла порог; для новых и с 1 покупкой — с первой покупки; для активных и восстановленных — с первой покупки в месяце, с которого стадия держится без перерыва.',
    },
  },
  ...(['r', 'f', 'm'] as const).map((d): Metric => ({
    id: `${d}_score`,
    group: 'segment',
    unit: 'count',
    level: 'snapshot',
    type: 'INTEGER',
    sql: `cs.${d}_score`,
    name: {
      en: `${d.toUpperCase()} score`,
      ru: `Оценка ${d === 'r' ? 'давности' : d === 'f' ? 'частоты' : 'суммы'} (${d.toUpperCase()})`,
    },
    method: rfmScoreMethod(d, DEFAULT_SEGMENT_SETTINGS.rfm),
  })),
  {
    id: 'rfm_segment',
    group: 'segment',
    unit: 'text',
    level: 'snapshot',
    type: 'VARCHAR',
    sql: 'cs.rfm_segment',
    name: { en: 'RFM segment', ru: 'RFM-сегмент' },
    method: {
      en: 'One of 11 named segments, read from an explicit map over the R score and FM = (F + M) / 2 (see `clientele segments rfm --map`), so every customer is in exactly one.',
      ru: 'Один из 11 именованных сегментов по явной карте R × FM, где FM = (F + M) / 2 (см. `clientele segments rfm --map`), так что каждый клиент ровно в одном.',
    },
  },
  {
    id: 'revenue_12m',
    group: 'value',
    unit: 'currency',
    level: 'snapshot',
    type: 'DOUBLE',
    sql: 'cs.revenue_12m',
    name: { en: 'Net revenue, 12 months', ru: 'Чистая выручка за 12 месяцев' },
    method: {
      en: 'Net revenue in the 12 calendar months ending with the as-of month (that month up to the as-of date).',
      ru: 'Чистая выручка за 12 календарных месяцев, заканчивающихся месяцем даты расчёта (он — до даты расчёта).',
    },
  },
  {
    id: 'abc',
    group: 'segment',
    unit: 'text',
    level: 'snapshot',
    type: 'VARCHAR',
    sql: 'cs.abc',
    name: { en: 'ABC class', ru: 'ABC-класс' },
    method: abcMethod(DEFAULT_SEGMENT_SETTINGS.abcXyz),
  },
  {
    id: 'xyz',
    group: 'segment',
    unit: 'text',
    level: 'snapshot',
    type: 'VARCHAR',
    sql: 'cs.xyz',
    name: { en: 'XYZ class', ru: 'XYZ-класс' },
    method: xyzMethod(DEFAULT_SEGMENT_SETTINGS.abcXyz),
  },
];

import type { HelpText } from './help-text.js';

/** How the figures of the history pages are computed, in both languages (merged into `help.ts`). */
export const HISTORY_HELP = {
  'history.month': {
    en: 'The snapshot: the last day of the month (for the latest, the as-of date of the analysis); every figure uses the sales up to that day.',
    ru: 'Срез: последний день месяца (для последнего — дата расчёта анализа); все показатели — по продажам до этого дня.',
  },
  'structure.chart': {
    en: 'One bar per snapshot, split by lifecycle stage: the customers in each stage, or their net revenue in the month. Shares divide by the bar’s total.',
    ru: 'Один столбец на срез, разделённый по стадиям жизненного цикла: клиенты в каждой стадии или их чистая выручка за месяц. Доли — от итога столбца.',
  },
  'structure.customers': {
    en: 'Customers with at least one purchase up to the snapshot date; each is in exactly one stage.',
    ru: 'Клиенты хотя бы с одной покупкой до даты среза; каждый — ровно в одной стадии.',
  },
  'structure.revenue': {
    en: 'Net revenue (purchases minus returns) of the customers in the snapshot’s calendar month, up to the snapshot date.',
    ru: 'Чистая выручка (покупки минус возвраты) клиентов за календарный месяц среза до даты среза.',
  },
  'structure.stage': {
    en: 'Customers in this stage at the snapshot date (with Revenue: their net revenue in the month).',
    ru: 'Клиенты в этой стадии на дату среза (при «Выручке» — их чистая выручка за месяц).',
    metric: 'stage',
  },
  'flows.sankey': {
    en: 'Left: the stage (or segment) at the earlier snapshot; right: at the later one. The width of a band is the customers who made that move, or their net revenue in between (bands without positive revenue are not drawn).',
    ru: 'Слева — стадия (или сегмент) на раннем срезе, справа — на позднем. Ширина полосы — число клиентов, совершивших переход, или их чистая выручка за период (полосы без положительной выручки не рисуются).',
  },
  'flows.matrix': {
    en: 'The customers at the later snapshot by their stage at the earlier one (rows) and at the later one (columns). With Revenue: their net revenue in the months after the earlier snapshot up to the later one.',
    ru: 'Клиенты на позднем срезе по стадии на раннем (строки) и на позднем (столбцы). При «Выручке» — их чистая выручка за месяцы после раннего среза до позднего.',
  },
  'flows.entered': {
    en: 'Customers whose first purchase came after the earlier snapshot: they had no stage then.',
    ru: 'Клиенты, чья первая покупка была после раннего среза: стадии у них тогда не было.',
  },
  'flows.stage': {
    en: 'Customers in this stage at the later snapshot (column) or the earlier one (row).',
    ru: 'Клиенты в этой стадии на позднем срезе (столбец) или на раннем (строка).',
    metric: 'stage',
  },
  'flows.segment': {
    en: 'Customers in this RFM segment at the later snapshot (column) or the earlier one (row).',
    ru: 'Клиенты в этом RFM-сегменте на позднем срезе (столбец) или на раннем (строка).',
    metric: 'rfm_segment',
  },
  'flows.total': {
    en: 'The sum of the row: everyone in that stage at the earlier snapshot (customers stay in the base, at worst as lost). The last row sums the columns: the stages at the later snapshot.',
    ru: 'Сумма строки: все клиенты этой стадии на раннем срезе (клиенты не покидают базу, в худшем случае они ушедшие). Последняя строка — суммы столбцов: стадии на позднем срезе.',
  },
  'triggers.list': {
    en: 'Customers in the first stage at the earlier snapshot and in the second at the later one, with their metrics at the later snapshot, largest net revenue first. The export holds the whole list with the contact fields of the customers file; text a spreadsheet would run as a formula gets a leading apostrophe.',
    ru: 'Клиенты в первой стадии на раннем срезе и во второй — на позднем, с показателями на поздний срез, по убыванию чистой выручки. Выгрузка содержит весь список с контактами из файла клиентов; текст, который таблица выполнила бы как формулу, предваряется апострофом.',
  },
  'triggers.period_revenue': {
    en: 'The customer’s net revenue in the later snapshot’s month, up to its date.',
    ru: 'Чистая выручка клиента за месяц позднего среза до его даты.',
  },
  'cohorts.heatmap': {
    en: 'Rows: cohorts by month of first purchase; columns: calendar months or months since the first purchase. The darker, the higher. For retention the colour scale ends at the highest value after the first month, so the first month’s 100 % does not wash out the rest.',
    ru: 'Строки — когорты по месяцу первой покупки, столбцы — календарные месяцы или месяцы с первой покупки. Чем темнее, тем больше. Для удержания шкала цвета кончается на наибольшем значении после первого месяца, чтобы 100 % первого месяца не обесцвечивали остальное.',
  },
  'cohorts.cohort': {
    en: 'The month of the customers’ first purchase: those who started in it form the cohort.',
    ru: 'Месяц первой покупки клиентов: начавшие в нём образуют когорту.',
  },
  'cohorts.size': {
    en: 'Customers in the cohort.',
    ru: 'Клиентов в когорте.',
  },
  'cohorts.age': {
    en: 'Months since the cohort’s month: 0 is the month of the first purchase.',
    ru: 'Месяцев после месяца когорты: 0 — месяц первой покупки.',
  },
  'cohorts.retention': {
    en: 'The share of the cohort’s customers who bought in the month (a purchase line dated in it, up to the snapshot date). The cohort’s own first month is 100 %.',
    ru: 'Доля клиентов когорты, покупавших в этом месяце (строка покупки с датой в нём, до даты среза). Первый месяц когорты — 100 %.',
  },
  'cohorts.active': {
    en: 'Customers of the cohort who bought in the month (a purchase line dated in it).',
    ru: 'Клиенты когорты, покупавшие в этом месяце (строка покупки с датой в нём).',
  },
  'cohorts.revenue': {
    en: 'The cohort’s net revenue in the month: purchases minus returns.',
    ru: 'Чистая выручка когорты за месяц: покупки минус возвраты.',
  },
  'cohorts.customers': {
    en: 'Customers of the cohort: the same in every month.',
    ru: 'Клиентов в когорте: одинаково во всех месяцах.',
  },
} satisfies Record<string, HelpText>;

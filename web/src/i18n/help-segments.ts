import type { HelpText } from './help-text.js';

const WINDOW = {
  en: 'the 12 calendar months ending with the as-of month (that month up to the as-of date)',
  ru: '12 календарных месяцев, заканчивающихся месяцем даты расчёта (он — до даты расчёта)',
};

/** How the figures of the segments pages are computed, in both languages (merged into `help.ts`). */
export const SEGMENTS_HELP = {
  'rfm.grid': {
    en: "Each cell is a pair of scores: R (recency, 5 = bought most recently) and FM = (F + M) / 2, the mean of the frequency and monetary scores. A cell shows its customers and their 12-month net revenue; its colour is the segment the analysis's map assigns to it (every cell belongs to exactly one of the 11 segments), or the number of customers.",
    ru: 'Каждая клетка — пара оценок: R (давность, 5 — покупали недавно) и FM = (F + M) / 2, среднее оценок частоты и суммы. В клетке — её клиенты и их чистая выручка за 12 месяцев; цвет — сегмент, который карта анализа назначает клетке (каждая клетка ровно в одном из 11 сегментов), или число клиентов.',
  },
  'rfm.segments': {
    en: 'The 11 named segments: the customers of all grid cells that map to each, their 12-month net revenue and shares of the totals.',
    ru: '11 именованных сегментов: клиенты всех клеток сетки, относящихся к сегменту, их чистая выручка за 12 месяцев и доли от итогов.',
  },
  'rfm.segment': {
    en: 'The segment name. Click it to list its customers.',
    ru: 'Название сегмента. Нажмите, чтобы увидеть его клиентов.',
    metric: 'rfm_segment',
  },
  'rfm.customers': {
    en: 'Customers in the segment at the snapshot.',
    ru: 'Клиенты сегмента на дату среза.',
  },
  'rfm.total': {
    en: 'Customers at the snapshot: everyone with at least one purchase up to its date.',
    ru: 'Клиенты на дату среза: все, у кого есть хотя бы одна покупка до этой даты.',
  },
  'rfm.customerShare': {
    en: 'Customers of the segment / all customers at the snapshot.',
    ru: 'Клиенты сегмента / все клиенты на дату среза.',
  },
  'rfm.revenue': {
    en: 'Sum over the customers of:',
    ru: 'Сумма по клиентам показателя:',
    metric: 'revenue_12m',
  },
  'rfm.revenueShare': {
    en: "The segment's 12-month net revenue / that of all customers.",
    ru: 'Чистая выручка сегмента за 12 месяцев / выручка всех клиентов.',
  },
  'rfm.cells': {
    en: 'How many of the R × FM cells the map assigns to the segment.',
    ru: 'Сколько клеток сетки R × FM карта относит к сегменту.',
  },
  'rfm.rCuts': {
    en: 'The cut points of the days since the last purchase at the snapshot: up to the first cut R is highest, above the last R = 1.',
    ru: 'Пороги дней с последней покупки на дату среза: до первого порога R наибольшая, выше последнего R = 1.',
    metric: 'r_score',
  },
  'rfm.fCuts': {
    en: 'The cut points of orders at the snapshot: up to the first cut F = 1, above the last F is highest.',
    ru: 'Пороги числа заказов на дату среза: до первого порога F = 1, выше последнего F наибольшая.',
    metric: 'f_score',
  },
  'rfm.mCuts': {
    en: 'The cut points of gross revenue to date at the snapshot: up to the first cut M = 1, above the last M is highest.',
    ru: 'Пороги валовой выручки с начала на дату среза: до первого порога M = 1, выше последнего M наибольшая.',
    metric: 'm_score',
  },
  'segments.list': {
    en: "The segment's customers at the snapshot, largest 12-month revenue first; a row opens the customer's card. Export for CRM downloads all of them with scores, classes, stage, rhythm, name, e-mail and phone.",
    ru: 'Клиенты сегмента на дату среза, по убыванию выручки за 12 месяцев; строка открывает карточку клиента. «Выгрузить в CRM» скачивает их всех с оценками, классами, стадией, ритмом, именем, e-mail и телефоном.',
  },
  'segments.contact': {
    en: 'From the loaded customers file (empty when the customer is not in it).',
    ru: 'Из загруженного файла клиентов (пусто, если клиента в нём нет).',
  },
  'products.skus': {
    en: `SKUs with at least one sales line in ${WINDOW.en}.`,
    ru: `Артикулы хотя бы с одной строкой продаж за ${WINDOW.ru}.`,
  },
  'products.matrix': {
    en: 'Rows: ABC class by revenue; columns: XYZ class by the stability of monthly demand. A cell shows its members and their share of revenue; the darker, the larger the share. For products XYZ uses monthly quantity, for customers monthly net revenue.',
    ru: 'Строки: ABC-класс по выручке; столбцы: XYZ-класс по стабильности месячного спроса. В клетке — её состав и доля выручки; чем темнее, тем больше доля. Для товаров XYZ считается по месячному количеству, для клиентов — по месячной чистой выручке.',
  },
  'products.customerMatrix': {
    en: 'The ABC and XYZ classes of customers at the analysis snapshot, with the limits the analysis used: XYZ by the coefficient of variation of monthly net revenue, and ABC as follows.',
    ru: 'ABC- и XYZ-классы клиентов на срезе анализа с границами, которые использовал анализ: XYZ по коэффициенту вариации месячной чистой выручки, ABC — так.',
    metric: 'abc',
  },
  'products.abcA': {
    en: 'A: the largest by revenue, taken while the revenue of those before is under 80 % of the total.',
    ru: 'A: крупнейшие по выручке, пока выручка предыдущих меньше 80 % итога.',
  },
  'products.abcB': {
    en: 'B: the next ones, while the revenue before is under 95 % of the total.',
    ru: 'B: следующие, пока выручка предыдущих меньше 95 % итога.',
  },
  'products.abcC': {
    en: 'C: the rest (the last 5 % of revenue), and everything without positive revenue.',
    ru: 'C: остальные (последние 5 % выручки) и всё без положительной выручки.',
  },
  'products.xyzX': {
    en: 'X: steady demand, coefficient of variation of the monthly series ≤ 10 %.',
    ru: 'X: стабильный спрос, коэффициент вариации месячного ряда ≤ 10 %.',
  },
  'products.xyzY': {
    en: 'Y: variable demand, coefficient of variation ≤ 25 %.',
    ru: 'Y: колеблющийся спрос, коэффициент вариации ≤ 25 %.',
  },
  'products.xyzZ': {
    en: 'Z: irregular demand, coefficient of variation above 25 %.',
    ru: 'Z: нерегулярный спрос, коэффициент вариации выше 25 %.',
  },
  'products.xyzNone': {
    en: 'No XYZ class: nothing (no positive total) in the 12 months.',
    ru: 'Без XYZ-класса: за 12 месяцев ничего (нет положительного итога).',
  },
  'products.pareto': {
    en: 'SKUs sorted by net revenue, largest first: for the top k SKUs, their share of all SKUs (across) and their share of the total positive revenue (up). The dashed lines are the A (80 %) and B (95 %) limits.',
    ru: 'Артикулы по убыванию чистой выручки: для первых k артикулов — их доля среди всех артикулов (по горизонтали) и доля в итоговой положительной выручке (по вертикали). Пунктир — границы A (80 %) и B (95 %).',
  },
  'products.table': {
    en: `One row per SKU sold in ${WINDOW.en}, largest revenue first.`,
    ru: `Строка на каждый артикул, проданный за ${WINDOW.ru}, по убыванию выручки.`,
  },
  'products.col.rank': {
    en: 'Position by net revenue, largest first (equal revenue by SKU).',
    ru: 'Место по чистой выручке, с наибольшей (при равной — по артикулу).',
  },
  'products.col.sku': { en: 'The SKU of the sales lines.', ru: 'Артикул из строк продаж.' },
  'products.col.name': { en: 'The name in the products file.', ru: 'Название из файла товаров.' },
  'products.col.category': { en: 'The category in the products file.', ru: 'Категория из файла товаров.' },
  'products.col.revenue': {
    en: `Sum of the SKU's line amounts (returns subtract) in ${WINDOW.en}.`,
    ru: `Сумма строк артикула (возвраты вычитаются) за ${WINDOW.ru}.`,
  },
  'products.col.quantity': {
    en: 'Units sold in the 12 months (returns subtract; a line without a quantity counts 0).',
    ru: 'Продано единиц за 12 месяцев (возвраты вычитаются; строка без количества — 0).',
  },
  'products.col.months_sold': {
    en: 'Months of the 12 with a positive quantity sold.',
    ru: 'Месяцев из 12 с положительным количеством продаж.',
  },
  'products.col.abc': {
    en: 'SKUs sorted by net revenue: A while the revenue of those before is under 80 % of the total, B under 95 %, then C (C also without positive revenue).',
    ru: 'Артикулы по убыванию чистой выручки: A, пока выручка предыдущих меньше 80 % итога, B — меньше 95 %, далее C (и C без положительной выручки).',
  },
  'products.col.cv': {
    en: 'Population standard deviation / mean of the monthly quantity over the 12 months, months without sales counted as 0.',
    ru: 'Стандартное отклонение генеральной совокупности / среднее месячного количества за 12 месяцев, месяцы без продаж — 0.',
  },
  'products.col.xyz': {
    en: 'X when the coefficient of variation ≤ 10 %, Y ≤ 25 %, Z above; empty when nothing was sold.',
    ru: 'X при коэффициенте вариации ≤ 10 %, Y — ≤ 25 %, Z — выше; пусто, если ничего не продано.',
  },
  'pivot.filter': {
    en: 'DIMENSION=VALUE keeps those values: several values as a|b, several filters separated by ;. Examples: stage=active|asleep; abc=A, transition=asleep->restored, cohort=2017-03.',
    ru: 'ИЗМЕРЕНИЕ=ЗНАЧЕНИЕ оставляет эти значения: несколько значений через |, несколько фильтров через ;. Примеры: stage=active|asleep; abc=A, transition=asleep->restored, cohort=2017-03.',
  },
  'pivot.result': {
    en: 'Customers of the analysis snapshot (or of every snapshot when the snapshot month is a dimension or a filter), grouped by the chosen dimensions; the (?) of each column gives the measure. The download is the tidy table: one row per cell.',
    ru: 'Клиенты среза анализа (или всех срезов, если месяц среза — измерение или фильтр), сгруппированные по выбранным измерениям; (?) столбца объясняет показатель. Скачивается «длинная» таблица: строка на клетку.',
  },
} satisfies Record<string, HelpText>;

import type { HelpText } from './help-text.js';

/** How the figures of the models pages are computed, in both languages (merged into `help.ts`). */
export const MODELS_HELP = {
  'clv.compute': {
    en: 'As `clientele predict --snapshots`: the purchase model (in weeks, same-day purchases merged) and Gamma-Gamma for the value of a purchase are fitted by maximum likelihood on every customer’s purchases up to the as-of date; every customer gets expected purchases, P(alive), churn risk, CLV and the next purchase date. The same is repeated at every month end of the stored analysis, each fit using only the data up to that date. The previous predictions are replaced.',
    ru: 'Как `clientele predict --snapshots`: модель покупок (в неделях, покупки одного дня объединены) и Gamma-Gamma для суммы покупки оцениваются методом максимального правдоподобия по покупкам всех клиентов до даты расчёта; каждый клиент получает ожидаемые покупки, P(alive), риск ухода, CLV и дату следующей покупки. То же повторяется на конец каждого месяца сохранённого анализа, каждый раз только по данным до этой даты. Прежний прогноз заменяется.',
  },
  'clv.model': {
    en: 'BG/NBD (Fader, Hardie & Lee 2005): a customer buys at a Poisson rate and may drop out after each purchase. Pareto/NBD (Schmittlein, Morrison & Colombo 1987): drops out at any moment, at an exponential rate. MBG/NBD (Batislam et al. 2007): like BG/NBD, but may also drop out right after the first purchase. Rates vary across customers as gamma (and beta) distributions.',
    ru: 'BG/NBD (Fader, Hardie & Lee 2005): клиент покупает с пуассоновской интенсивностью и может уйти после каждой покупки. Pareto/NBD (Schmittlein, Morrison & Colombo 1987): уходит в любой момент с экспоненциальной интенсивностью. MBG/NBD (Batislam и др. 2007): как BG/NBD, но может уйти и сразу после первой покупки. Интенсивности различаются между клиентами по гамма- (и бета-) распределениям.',
  },
  'clv.horizon': {
    en: 'How far ahead expected purchases and CLV are counted (a month = 365.25/12 days, a week = 7 days).',
    ru: 'На сколько вперёд считаются ожидаемые покупки и CLV (месяц = 365,25/12 дня, неделя = 7 дней).',
  },
  'clv.discount': {
    en: 'The value of period k of the horizon is divided by (1 + rate)^k; 0 = no discounting.',
    ru: 'Ценность k-го периода горизонта делится на (1 + ставка)^k; 0 — без дисконтирования.',
  },
  'clv.margin': {
    en: 'Share of revenue kept as profit; CLV is multiplied by it (1 = CLV in revenue).',
    ru: 'Доля выручки, остающаяся прибылью; CLV умножается на неё (1 — CLV в выручке).',
  },
  'clv.fitUnit': {
    en: 'The unit of time of the recency, age and rate parameters in the fit (a week = 7 days).',
    ru: 'Единица времени давности, возраста и параметров интенсивности при оценке (неделя = 7 дней).',
  },
  'clv.loglik': {
    en: 'Log-likelihood of the purchase model at the fitted parameters: higher fits better (compare only models fitted on the same data).',
    ru: 'Логарифм правдоподобия модели покупок при оценённых параметрах: чем выше, тем лучше (сравнивать только модели на одних данных).',
  },
  'clv.modelTitle': {
    en: 'The model and options of the stored predictions, as `clientele predict` reported them.',
    ru: 'Модель и параметры сохранённого прогноза, как их сообщил `clientele predict`.',
  },
  'clv.fig.customers': {
    en: 'Customers with at least one purchase up to the as-of date: each has a prediction.',
    ru: 'Клиенты хотя бы с одной покупкой до даты расчёта: у каждого есть прогноз.',
  },
  'clv.fig.clv': { en: 'Sum over customers of:', ru: 'Сумма по клиентам показателя:', metric: 'clv' },
  'clv.fig.clvMean': { en: 'Mean over customers of:', ru: 'Среднее по клиентам показателя:', metric: 'clv' },
  'clv.fig.clvMedian': {
    en: 'Median over customers of:',
    ru: 'Медиана по клиентам показателя:',
    metric: 'clv',
  },
  'clv.fig.expectedPurchases': {
    en: 'Sum over customers of:',
    ru: 'Сумма по клиентам показателя:',
    metric: 'expected_purchases',
  },
  'clv.fig.expectedAlive': {
    en: 'Sum over customers of P(alive): how many customers are expected to be still buying; the note is its share of all.',
    ru: 'Сумма P(alive) по клиентам: сколько клиентов ожидаемо ещё покупают; под числом — доля от всех.',
  },
  'clv.fig.atRisk': {
    en: 'Customers whose churn risk (1 − P(alive)) is above this threshold; the note is their share of all.',
    ru: 'Клиенты с риском ухода (1 − P(alive)) выше этого порога; под числом — их доля от всех.',
  },
  'clv.fig.atRiskClv': {
    en: 'Sum of the CLV of the customers with churn risk above the threshold; the note is its share of the total CLV.',
    ru: 'Сумма CLV клиентов с риском ухода выше порога; под числом — её доля в суммарном CLV.',
  },
  'clv.histogram': {
    en: 'Customers by value, in 20 bins of equal width: over 0–100 % for probabilities; from 0 to the 99th percentile for CLV and expected purchases, plus one bin (“>”) for the 1 % above it.',
    ru: 'Клиенты по значению, 20 интервалов равной ширины: 0–100 % для вероятностей; от 0 до 99-го процентиля для CLV и ожидаемых покупок, плюс интервал («>») для 1 % выше него.',
  },
  'clv.param.r': {
    en: 'Shape of the gamma distribution of purchase rates across customers (mean rate r/α purchases per time unit).',
    ru: 'Форма гамма-распределения интенсивности покупок между клиентами (средняя интенсивность r/α покупок за единицу времени).',
  },
  'clv.param.alpha': {
    en: 'Scale (α) of the gamma distribution of purchase rates, in time units.',
    ru: 'Масштаб (α) гамма-распределения интенсивности покупок, в единицах времени.',
  },
  'clv.param.a': {
    en: 'Beta distribution of the probability of dropping out after a purchase: a and b, mean a/(a + b).',
    ru: 'Бета-распределение вероятности ухода после покупки: a и b, среднее a/(a + b).',
  },
  'clv.param.b': {
    en: 'Beta distribution of the probability of dropping out after a purchase: a and b, mean a/(a + b).',
    ru: 'Бета-распределение вероятности ухода после покупки: a и b, среднее a/(a + b).',
  },
  'clv.param.s': {
    en: 'Shape of the gamma distribution of dropout rates across customers (Pareto/NBD).',
    ru: 'Форма гамма-распределения интенсивности ухода между клиентами (Pareto/NBD).',
  },
  'clv.param.beta': {
    en: 'Scale (β) of the gamma distribution of dropout rates, in time units (Pareto/NBD).',
    ru: 'Масштаб (β) гамма-распределения интенсивности ухода, в единицах времени (Pareto/NBD).',
  },
  'clv.param.p': {
    en: 'Gamma-Gamma: the value of a customer’s purchase is gamma(p, ν) distributed.',
    ru: 'Gamma-Gamma: сумма покупки клиента распределена как гамма(p, ν).',
  },
  'clv.param.q': {
    en: 'Gamma-Gamma: ν varies across customers as gamma(q, γ); the mean purchase value is p·γ/(q − 1).',
    ru: 'Gamma-Gamma: ν различается между клиентами как гамма(q, γ); средняя сумма покупки p·γ/(q − 1).',
  },
  'clv.param.gamma': {
    en: 'Gamma-Gamma: scale γ of the distribution of ν across customers, in money.',
    ru: 'Gamma-Gamma: масштаб γ распределения ν между клиентами, в деньгах.',
  },
  'clv.stages.chart': {
    en: 'At the latest month end of the analysis with predictions: mean CLV of the customers in each lifecycle stage (bars) and how many they are (line). CLV is the one predicted at that date from the data up to it.',
    ru: 'На последний конец месяца анализа с прогнозом: средний CLV клиентов каждой стадии жизненного цикла (столбцы) и их число (линия). CLV — прогноз на эту дату по данным до неё.',
  },
  'clv.stages.trend': {
    en: 'Mean CLV of each stage at every month end, each predicted only from the data up to that month end. Month ends with too little history for a fit are missing.',
    ru: 'Средний CLV каждой стадии на конец каждого месяца, каждый раз по данным только до этой даты. Месяцы, где истории мало для оценки модели, пропущены.',
  },
  'clv.stages.table': {
    en: 'The latest month end with predictions; the download holds every month end.',
    ru: 'Последний конец месяца с прогнозом; в выгрузке — все концы месяцев.',
  },
  'clv.stages.stage': {
    en: 'Lifecycle stage at the month end, from the customer’s own purchase rhythm.',
    ru: 'Стадия жизненного цикла на конец месяца, по собственному ритму покупок клиента.',
  },
  'clv.stages.customers': {
    en: 'Customers in the stage at the month end.',
    ru: 'Клиентов в стадии на конец месяца.',
  },
  'clv.stages.mean_clv': {
    en: 'Mean over the stage of:',
    ru: 'Среднее по стадии показателя:',
    metric: 'clv',
  },
  'clv.stages.total_clv': { en: 'Sum over the stage of:', ru: 'Сумма по стадии показателя:', metric: 'clv' },
  'clv.stages.mean_churn_risk': {
    en: 'Mean over the stage of:',
    ru: 'Среднее по стадии показателя:',
    metric: 'churn_risk',
  },
  'clv.stages.mean_p_alive': {
    en: 'Mean over the stage of:',
    ru: 'Среднее по стадии показателя:',
    metric: 'p_alive',
  },
  'clv.stages.mean_expected_purchases': {
    en: 'Mean over the stage of:',
    ru: 'Среднее по стадии показателя:',
    metric: 'expected_purchases',
  },
  'clv.risk.title': {
    en: 'Customers whose churn risk (1 − P(alive)) is above the chosen threshold, ordered by value at risk = CLV × churn risk, highest first (ties: higher CLV, then customer id). Contacts come from the customers file; stage, RFM segment, revenue and days since the last purchase from the analysis at the predictions’ date. The download holds the whole list, ready for the CRM.',
    ru: 'Клиенты с риском ухода (1 − P(alive)) выше выбранного порога, по убыванию ценности под риском = CLV × риск ухода (при равенстве — по большему CLV, затем по id клиента). Контакты — из файла клиентов; стадия, RFM-сегмент, выручка и дни с последней покупки — из анализа на дату прогноза. В выгрузке — весь список, готовый для CRM.',
  },
  'clv.risk.value': {
    en: 'CLV × churn risk: the predicted value weighted by the probability that the customer has already stopped buying. The list is ordered by it.',
    ru: 'CLV × риск ухода: прогнозная ценность, взвешенная вероятностью того, что клиент уже перестал покупать. Список упорядочен по ней.',
  },
  'clv.validation': {
    en: 'The chosen model is fitted only on purchases up to the first date; each customer’s expected repeat purchases up to the second date are compared with what they did (same-day purchases merged, weeks of 7 days). Nothing is stored.',
    ru: 'Выбранная модель оценивается только по покупкам до первой даты; ожидаемые повторные покупки каждого клиента до второй даты сравниваются с фактическими (покупки одного дня объединены, неделя = 7 дней). Ничего не сохраняется.',
  },
  'clv.calibrationEnd': {
    en: 'Last day of the fitting (calibration) period. Default: halfway through the sales.',
    ru: 'Последний день периода оценки (калибровки). По умолчанию — середина периода продаж.',
  },
  'clv.holdoutEnd': {
    en: 'Last day of the holdout period, after the fitting period. Default: the latest sale.',
    ru: 'Последний день отложенного периода, после периода оценки. По умолчанию — последняя продажа.',
  },
  'clv.val.customers': {
    en: 'Customers with a first purchase up to the end of the fitting period.',
    ru: 'Клиенты с первой покупкой до конца периода оценки.',
  },
  'clv.val.actualTotal': {
    en: 'Purchase days of these customers in the holdout period.',
    ru: 'Дни покупок этих клиентов в отложенном периоде.',
  },
  'clv.val.predictedTotal': {
    en: 'Sum over these customers of the expected purchases in the holdout, given each one’s history in the fitting period.',
    ru: 'Сумма по этим клиентам ожидаемых покупок в отложенном периоде с учётом истории каждого в периоде оценки.',
  },
  'clv.val.aggregateError': {
    en: '(predicted − actual) / actual, over all customers: negative means the model expects fewer purchases than happened.',
    ru: '(прогноз − факт) / факт по всем клиентам: отрицательное значение — модель ждёт меньше покупок, чем было.',
  },
  'clv.val.mae': {
    en: 'Mean over customers of |predicted − actual| holdout purchases.',
    ru: 'Среднее по клиентам |прогноз − факт| покупок в отложенном периоде.',
  },
  'clv.val.byFrequency': {
    en: 'Customers grouped by their repeat purchases in the fitting period (7+ together): mean actual and mean predicted purchases in the holdout.',
    ru: 'Клиенты, сгруппированные по числу повторных покупок в периоде оценки (7+ вместе): средние фактические и прогнозные покупки в отложенном периоде.',
  },
  'clv.val.tracking': {
    en: 'Repeat purchases of the whole base added up week by week (counted from the first customer’s first purchase), and what the model fitted up to the dashed line expects, each customer from their first purchase on.',
    ru: 'Повторные покупки всей базы нарастающим итогом по неделям (от первой покупки первого клиента) и ожидание модели, оценённой до пунктирной линии, — для каждого клиента с его первой покупки.',
  },
  'clv.val.params': {
    en: 'Maximum-likelihood estimates on the fitting period with their standard errors (from the Hessian of the log-likelihood); the rate parameters are in weeks.',
    ru: 'Оценки максимального правдоподобия по периоду оценки со стандартными ошибками (из гессиана логарифма правдоподобия); параметры интенсивности — в неделях.',
  },
  'cardHistory.title': {
    en: 'The customer at every month end of the stored analysis (and its as-of date), computed only from the data up to that date. CLV, churn risk, P(alive) and expected purchases appear when the predictions were made at the month ends too.',
    ru: 'Клиент на конец каждого месяца сохранённого анализа (и на его дату), по данным только до этой даты. CLV, риск ухода, P(alive) и ожидаемые покупки есть, если прогноз строился и на концы месяцев.',
  },
  'cardHistory.stages': {
    en: 'The customer’s lifecycle stage at every month end of the analysis.',
    ru: 'Стадия жизненного цикла клиента на конец каждого месяца анализа.',
  },
  'cardHistory.values': {
    en: 'CLV (bars) and churn risk (line) predicted at every month end from the data up to it; gaps: too little history for a fit then.',
    ru: 'CLV (столбцы) и риск ухода (линия), спрогнозированные на конец каждого месяца по данным до него; пропуски — истории тогда было мало для оценки.',
  },
  'cardHistory.asOf': {
    en: 'The month end (or the analysis date) the row is computed at.',
    ru: 'Конец месяца (или дата анализа), на который рассчитана строка.',
  },
  'cardHistory.period_orders': {
    en: 'Orders of the customer in the calendar month up to this date.',
    ru: 'Заказы клиента в календарном месяце до этой даты.',
  },
  'cardHistory.period_revenue': {
    en: 'Net revenue of the customer in the calendar month up to this date (returns subtracted).',
    ru: 'Чистая выручка клиента в календарном месяце до этой даты (за вычетом возвратов).',
  },
  'cardHistory.predictions': {
    en: 'The stored predictions of `clientele predict` for this customer, at the date they were made (which may differ from the as-of date of the figures above).',
    ru: 'Сохранённый прогноз `clientele predict` для этого клиента на дату расчёта прогноза (она может отличаться от даты показателей выше).',
  },
  'dataAnalysis.title': {
    en: 'After a load that added sales, the analysis (segments, stages and history at the last 24 month ends, as `clientele analyze`) and the predictions (as `clientele predict --snapshots`, default options) run by themselves in the background; the pages then show the new data.',
    ru: 'После загрузки, добавившей продажи, анализ (сегменты, стадии и история на концы последних 24 месяцев, как `clientele analyze`) и прогноз (как `clientele predict --snapshots`, параметры по умолчанию) запускаются сами в фоне; затем страницы показывают новые данные.',
  },
} satisfies Record<string, HelpText>;

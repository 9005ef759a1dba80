import type { HelpText } from './help-text.js';

/** How the figures of the campaigns pages are computed, in both languages (merged into `help.ts`). */
export const CAMPAIGNS_HELP = {
  'campaigns.col.name': { en: "The campaign's unique name.", ru: 'Уникальное название кампании.' },
  'campaigns.col.segment': {
    en: 'The rule that selected the members, in the segment expression language, applied to the customer profile at the selection date.',
    ru: 'Правило, по которому отобраны участники, на языке выражений сегментов; применено к профилю клиентов на дату отбора.',
  },
  'campaigns.col.as_of': {
    en: 'Selection date: the rule was evaluated on sales up to the end of this day; the campaign starts after it.',
    ru: 'Дата отбора: правило применено к продажам до конца этого дня; кампания начинается после неё.',
  },
  'campaigns.col.period': {
    en: 'First and last day of the campaign: outcomes are counted in this window (without a last day, 30 days from the first).',
    ru: 'Первый и последний день кампании: результаты считаются в этом окне (без последнего дня — 30 дней от первого).',
  },
  'campaigns.col.targets': {
    en: 'Members in the target group: the customers to contact.',
    ru: 'Участники целевой группы: клиенты, с которыми нужно связаться.',
  },
  'campaigns.col.controls': {
    en: 'Members kept as the control group: not contacted, they show what would have happened without the campaign.',
    ru: 'Участники контрольной группы: с ними не связываются, они показывают, что было бы без кампании.',
  },
  'campaigns.col.control_share': {
    en: "Planned share of the control group: in each stratum round(share × members) customers are drawn at random (a Fisher–Yates shuffle seeded with the campaign's seed).",
    ru: 'Плановая доля контрольной группы: в каждой страте случайно отбираются round(доля × участники) клиентов (перемешивание Фишера — Йетса с зерном кампании).',
  },
  'campaigns.col.status': {
    en: 'Where the loaded sales stand against the campaign window: not started yet (no sales from the first day), running, or over (the window can be evaluated in full).',
    ru: 'Где загруженные продажи относительно окна кампании: ещё не началась (нет продаж с первого дня), идёт или завершена (окно можно оценить полностью).',
  },
  'campaigns.col.incremental_revenue': {
    en: 'From the latest evaluation: incremental revenue = (revenue per target member − revenue per control member) × target members, with its 95 % interval and the p-value of the Welch t-test. Hover for the verdict; opening a campaign evaluates it again.',
    ru: 'По последней оценке: дополнительная выручка = (выручка на участника цели − выручка на участника контроля) × участники цели, с 95 % интервалом и p-значением t-критерия Уэлча. Наведите, чтобы увидеть вывод; открытие кампании оценивает её заново.',
  },
  'campaigns.col.created_at': {
    en: 'When the campaign was stored (UTC).',
    ru: 'Когда кампания сохранена (UTC).',
  },
  'campaigns.new': {
    en: 'Planning stores nothing: it counts the selected customers and tells how large an effect the split can detect. Creating stores the members and draws the control group.',
    ru: 'План ничего не сохраняет: он считает отобранных клиентов и показывает, какой эффект сможет обнаружить такое разбиение. Создание сохраняет участников и отбирает контрольную группу.',
  },
  'campaigns.form.selection': {
    en: 'Who to select: a rule over customer metrics, analysis columns (stage, RFM, ABC/XYZ) and contact details — see "Fields and syntax". What you type is checked and bound as values, never run as code.',
    ru: 'Кого отобрать: правило по показателям клиентов, колонкам анализа (стадия, RFM, ABC/XYZ) и контактам — см. «Поля и синтаксис». Введённое проверяется и подставляется как значения, а не выполняется как код.',
  },
  'campaigns.form.asOf': {
    en: 'The rule is evaluated on sales up to this date. Stage, RFM and ABC/XYZ exist only at dates with an analysis (`clientele analyze`).',
    ru: 'Правило применяется к продажам до этой даты. Стадия, RFM и ABC/XYZ есть только на даты с анализом (`clientele analyze`).',
  },
  'campaigns.form.control': {
    en: 'Share of the selected customers kept aside as the control group, strictly between 0 and 100 %. A larger control group gives a more precise comparison but fewer contacted customers.',
    ru: 'Доля отобранных клиентов, откладываемая в контрольную группу, строго между 0 и 100 %. Больший контроль даёт более точное сравнение, но меньше охваченных клиентов.',
  },
  'campaigns.form.days': {
    en: 'Length of the campaign: outcomes are counted for this many days from the first day; the plan takes a past window of the same length as the baseline.',
    ru: 'Длительность кампании: результаты считаются столько дней от первого дня; план берёт базу из прошлого окна той же длины.',
  },
  'campaigns.form.metric': {
    en: 'What the plan is sized for: conversion (share of members who buy in the window; two-proportion z-test) or net revenue per member (two-sample t-test).',
    ru: 'По чему планировать: конверсия (доля участников, купивших в окне; z-критерий для двух долей) или чистая выручка на участника (t-критерий для двух выборок).',
  },
  'campaigns.form.mde': {
    en: 'Optional effect to detect: absolute (0.01 = one point of conversion, or an amount per customer for revenue) or relative to the baseline (10%). The plan then gives the customers needed for it.',
    ru: 'Необязательный эффект, который нужно увидеть: абсолютный (0.01 — один пункт конверсии или сумма на клиента для выручки) или относительно базы (10%). Тогда план покажет, сколько клиентов для него нужно.',
  },
  'campaigns.form.name': {
    en: 'A unique name: the list and the command line (`clientele campaign evaluate NAME`) use it.',
    ru: 'Уникальное название: по нему кампанию находят список и командная строка (`clientele campaign evaluate НАЗВАНИЕ`).',
  },
  'campaigns.form.start': {
    en: 'First day of the campaign, after the selection date (default: the day after it). The last day is the first day + length − 1.',
    ru: 'Первый день кампании, после даты отбора (по умолчанию — следующий за ней день). Последний день = первый день + длительность − 1.',
  },
  'campaigns.form.seed': {
    en: 'Seed of the random draw of the control group: the same members with the same seed give the same group. Empty: a random seed, stored with the campaign.',
    ru: 'Зерно случайного отбора контрольной группы: те же участники с тем же зерном дают ту же группу. Пусто — случайное зерно, сохраняется с кампанией.',
  },
  'campaigns.form.stratify': {
    en: 'Draw the control group separately within each value of this column (e.g. each stage), so both groups have the same mix.',
    ru: 'Отбирать контрольную группу отдельно внутри каждого значения этой колонки (например, каждой стадии), чтобы состав групп совпадал.',
  },
  'campaigns.form.channel': {
    en: 'E-mail, SMS, push…: kept with the campaign for your records.',
    ru: 'E-mail, SMS, push…: хранится с кампанией для справки.',
  },
  'campaigns.form.cost': {
    en: 'Cost of one contact: the evaluation then reports the cost (target members × cost per contact) and the ROI.',
    ru: 'Стоимость одного контакта: тогда оценка покажет затраты (участники цели × стоимость контакта) и ROI.',
  },
  'campaigns.plan.customers': {
    en: 'Customers matching the rule at the selection date.',
    ru: 'Клиенты, подходящие под правило на дату отбора.',
  },
  'campaigns.plan.targets': {
    en: 'Selected customers minus the control group.',
    ru: 'Отобранные клиенты без контрольной группы.',
  },
  'campaigns.plan.controls': {
    en: 'round(control share × customers); a stratified draw rounds per stratum, so the created campaign can differ by a few.',
    ru: 'round(доля контроля × клиенты); при стратификации округление идёт по стратам, поэтому созданная кампания может отличаться на несколько человек.',
  },
  'campaigns.plan.baseline.conversion': {
    en: "The segment's own history: the same rule applied one window earlier, and the share of those customers who bought in the following window, as if nobody had been contacted. Basis:",
    ru: 'История самого сегмента: то же правило на одно окно раньше и доля этих клиентов, купивших в следующем окне, как если бы с ними не связывались. Основа:',
  },
  'campaigns.plan.baseline.revenue': {
    en: "The segment's own history: the same rule applied one window earlier, and those customers' mean net revenue in the following window (zeros included); its standard deviation sizes the test. Basis:",
    ru: 'История самого сегмента: то же правило на одно окно раньше и средняя чистая выручка этих клиентов в следующем окне (с нулями); её стандартное отклонение задаёт размер теста. Основа:',
  },
  'campaigns.plan.detectable': {
    en: 'Minimum detectable effect: the smallest true difference between target and control that the planned split detects with the stated power, two-sided at the 5 % level. Method:',
    ru: 'Минимальный обнаружимый эффект: наименьшая истинная разница между целью и контролем, которую плановое разбиение обнаружит с указанной мощностью, двусторонне на уровне 5 %. Метод:',
  },
  'campaigns.plan.sampleSize': {
    en: 'Customers needed in control and target to detect the effect you entered with the stated power at the 5 % level, at the planned split. Method:',
    ru: 'Сколько клиентов нужно в контроле и цели, чтобы обнаружить введённый эффект с указанной мощностью на уровне 5 % при плановом разбиении. Метод:',
  },
  'campaign.segment': {
    en: 'The rule that selected the members, applied to the customer profile at the selection date.',
    ru: 'Правило, по которому отобраны участники, применённое к профилю клиентов на дату отбора.',
  },
  'campaign.as_of': {
    en: 'The rule was evaluated on sales up to the end of this day.',
    ru: 'Правило применено к продажам до конца этого дня.',
  },
  'campaign.period': {
    en: 'First and last day; the evaluation counts outcomes in this window unless you choose another length.',
    ru: 'Первый и последний день; оценка считает результаты в этом окне, если не выбрать другую длину.',
  },
  'campaign.members': {
    en: 'Customers who matched the rule at the selection date: the target group plus the control group, each with contact details from the customers file.',
    ru: 'Клиенты, подошедшие под правило на дату отбора: целевая плюс контрольная группа, с контактами из файла клиентов.',
  },
  'campaign.control_share': {
    en: 'Planned share of the control group; in each stratum round(share × members) were drawn.',
    ru: 'Плановая доля контрольной группы; в каждой страте отобрано round(доля × участники).',
  },
  'campaign.seed': {
    en: 'Seed of the control-group draw (Mersenne Twister, Fisher–Yates within each stratum): the same members with this seed give the same group.',
    ru: 'Зерно отбора контрольной группы (Вихрь Мерсенна, перемешивание Фишера — Йетса в каждой страте): те же участники с этим зерном дают ту же группу.',
  },
  'campaign.stratify': {
    en: 'The column within whose values the control group was drawn separately.',
    ru: 'Колонка, внутри значений которой контрольная группа отбиралась отдельно.',
  },
  'campaign.channel': { en: 'Channel of the contact, as entered.', ru: 'Канал контакта, как указан.' },
  'campaign.cost_per_contact': {
    en: 'Cost of one contact; the cost of the campaign is target members × this.',
    ru: 'Стоимость одного контакта; затраты кампании = участники цели × она.',
  },
  'campaign.created_at': { en: 'When the campaign was stored (UTC).', ru: 'Когда кампания сохранена (UTC).' },
  'campaign.lists': {
    en: 'Each group with customer id, name, e-mail, phone and region from the customers file, the stratum and the stage at selection. Send the target list to the CRM or mailer and keep the control group out of every send. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.',
    ru: 'Каждая группа с идентификатором клиента, именем, e-mail, телефоном и регионом из файла клиентов, стратой и стадией при отборе. Целевой список отправьте в CRM или рассыльщик, контрольную группу не включайте ни в одну рассылку. Текст, который таблица выполнила бы как формулу, предваряется апострофом.',
  },
  'campaign.strata': {
    en: 'Members, target and control per value of the stratifying column: in each stratum round(control share × members) were drawn into the control group.',
    ru: 'Участники, цель и контроль по значениям колонки стратификации: в каждой страте в контроль отобрано round(доля контроля × участники).',
  },
  'campaign.col.stratum': {
    en: 'Value of the stratifying column at selection (empty: not stratified).',
    ru: 'Значение колонки стратификации при отборе (пусто — без стратификации).',
  },
  'campaign.col.members': { en: 'Members in the stratum.', ru: 'Участников в страте.' },
  'campaign.col.targets': { en: 'Of them, in the target group.', ru: 'Из них в целевой группе.' },
  'campaign.col.controls': { en: 'Of them, in the control group.', ru: 'Из них в контрольной группе.' },
  'campaign.results': {
    en: "Each member's outcome in the window: whether they bought (a line with a positive amount) and their net revenue (returns subtract). The target group is compared with the control group, which shows what would have happened without the campaign. Each evaluation is recorded; the list shows the latest.",
    ru: 'Результат каждого участника в окне: купил ли (строка с положительной суммой) и его чистая выручка (возвраты вычитаются). Целевая группа сравнивается с контрольной, которая показывает, что было бы без кампании. Каждая оценка сохраняется; список показывает последнюю.',
  },
  'campaign.windowDays': {
    en: "Days from the first day over which outcomes are counted (empty: the campaign's first to last day, else 30).",
    ru: 'Сколько дней от первого дня считать результаты (пусто — с первого по последний день кампании, иначе 30).',
  },
  'campaign.margin': {
    en: 'Gross margin in % applied to incremental revenue for the ROI (empty: 100 %, the ROI on revenue).',
    ru: 'Валовая маржа в %, применяемая к дополнительной выручке для ROI (пусто — 100 %, ROI по выручке).',
  },
  'campaign.window': {
    en: "Outcomes are the sales from the window's first to last day inclusive; a pre-period of the same length just before it adjusts for each member's past revenue. Window:",
    ru: 'Результаты — продажи с первого по последний день окна включительно; предпериод той же длины прямо перед ним учитывает прошлую выручку каждого участника. Окно:',
  },
  'campaign.effectChart': {
    en: 'Bars: incremental revenue = difference in revenue per member (target − control) × target members, plain and adjusted for the pre-period (CUPED); whiskers: the 95 % interval. An interval that crosses zero means the effect is within chance.',
    ru: 'Столбцы: дополнительная выручка = разница выручки на участника (цель − контроль) × участники цели, простая и с поправкой на предпериод (CUPED); усы — 95 % интервал. Если интервал пересекает ноль, эффект в пределах случайности.',
  },
  'campaign.armsChart': {
    en: 'Conversion rate (members who bought / members) and net revenue per member in the window, in each group.',
    ru: 'Конверсия (купившие / участники) и чистая выручка на участника в окне, по группам.',
  },
  'campaign.table': {
    en: 'Every figure of the evaluation: its value in each group, and the difference (target − control) or effect with its 95 % interval and two-sided p-value.',
    ru: 'Все показатели оценки: значение в каждой группе и разница (цель − контроль) или эффект с 95 % интервалом и двусторонним p-значением.',
  },
  'campaign.col.measure': {
    en: 'What is measured; its (?) gives the method.',
    ru: 'Что измеряется; (?) рядом объясняет метод.',
  },
  'campaign.col.target': {
    en: 'The figure in the target group (contacted).',
    ru: 'Значение в целевой группе (с контактом).',
  },
  'campaign.col.control': {
    en: 'The figure in the control group (not contacted).',
    ru: 'Значение в контрольной группе (без контакта).',
  },
  'campaign.col.estimate': {
    en: 'Target − control, or the effect named in the row.',
    ru: 'Цель − контроль или эффект, названный в строке.',
  },
  'campaign.col.interval': {
    en: '95 % confidence interval of the difference; a dash when the data cannot give one (e.g. an unbounded ratio).',
    ru: '95 % доверительный интервал разницы; прочерк, если данные его не дают (например, неограниченное отношение).',
  },
  'campaign.col.p_value': {
    en: 'Two-sided p-value: the chance of a difference at least this large if the campaign changed nothing. Below 0.05 counts as significant.',
    ru: 'Двустороннее p-значение: вероятность разницы не меньше этой, если кампания ничего не изменила. Меньше 0,05 — значимо.',
  },
  'campaign.measure.customers': { en: 'Members in each group.', ru: 'Участников в каждой группе.' },
  'campaign.measure.buyers': {
    en: 'Members with at least one purchase line (amount > 0) in the window.',
    ru: 'Участники хотя бы с одной строкой покупки (сумма > 0) в окне.',
  },
  'campaign.measure.conversion_rate': {
    en: 'Buyers / members. The difference is tested with the two-proportion z-test: p-value from the pooled standard error, unpooled Wald interval (Fleiss, Levin & Paik 2003; as R prop.test without continuity correction).',
    ru: 'Купившие / участники. Разница проверяется z-критерием для двух долей: p-значение по объединённой стандартной ошибке, интервал Вальда без объединения (Fleiss, Levin & Paik 2003; как R prop.test без поправки на непрерывность).',
  },
  'campaign.measure.conversion_lift': {
    en: "Relative lift of conversion: target rate / control rate − 1, with Fieller's interval for a ratio (asymmetric; a dash when the control rate is not clearly above zero).",
    ru: 'Относительный прирост конверсии: доля в цели / доля в контроле − 1, с интервалом Филлера для отношения (несимметричный; прочерк, если доля в контроле неотличима от нуля).',
  },
  'campaign.measure.incremental_buyers': {
    en: 'Difference in conversion rate × target members: the buyers the campaign added, with the interval scaled the same way.',
    ru: 'Разница конверсий × участники цели: покупатели, которых добавила кампания; интервал масштабирован так же.',
  },
  'campaign.measure.revenue': {
    en: "Net revenue of the group's members in the window (purchases minus returns).",
    ru: 'Чистая выручка участников группы в окне (покупки минус возвраты).',
  },
  'campaign.measure.revenue_per_customer': {
    en: 'Net revenue / members, zeros included. The difference is tested with the Welch t-test (unequal variances, Welch–Satterthwaite degrees of freedom).',
    ru: 'Чистая выручка / участники, с нулями. Разница проверяется t-критерием Уэлча (неравные дисперсии, степени свободы Уэлча — Саттертуэйта).',
  },
  'campaign.measure.revenue_per_customer_bootstrap': {
    en: "The same difference with a bootstrap BCa interval (each group resampled separately, 2,000 replicates seeded with the campaign's seed; Efron & Tibshirani 1993): a check for heavy-tailed revenue.",
    ru: 'Та же разница с бутстреп-интервалом BCa (каждая группа пересэмплируется отдельно, 2000 повторений с зерном кампании; Efron & Tibshirani 1993): проверка на случай тяжёлых хвостов выручки.',
  },
  'campaign.measure.revenue_per_customer_did': {
    en: 'Difference-in-differences per member: (target window − target pre-period) − (control window − control pre-period), Welch test of the per-member changes (Angrist & Pischke 2009).',
    ru: 'Разность разностей на участника: (цель в окне − цель в предпериоде) − (контроль в окне − контроль в предпериоде), критерий Уэлча по изменениям участников (Angrist & Pischke 2009).',
  },
  'campaign.measure.revenue_lift': {
    en: "Relative lift of revenue per member: target / control − 1, with Fieller's interval for a ratio.",
    ru: 'Относительный прирост выручки на участника: цель / контроль − 1, с интервалом Филлера для отношения.',
  },
  'campaign.measure.incremental_revenue': {
    en: 'Difference in revenue per member × target members: the revenue the campaign added, with its 95 % Welch interval and p-value.',
    ru: 'Разница выручки на участника × участники цели: выручка, которую добавила кампания, с 95 % интервалом Уэлча и p-значением.',
  },
  'campaign.measure.incremental_revenue_cuped': {
    en: "Incremental revenue adjusted for each member's revenue in the pre-period (CUPED; Deng, Xu, Kohavi & Walker 2013): it removes the variance the past explains, which narrows the interval without bias.",
    ru: 'Дополнительная выручка с поправкой на выручку каждого участника в предпериоде (CUPED; Deng, Xu, Kohavi & Walker 2013): убирает дисперсию, объяснимую прошлым, и сужает интервал без смещения.',
  },
  'campaign.measure.cost': {
    en: 'Target members × cost per contact.',
    ru: 'Участники цели × стоимость контакта.',
  },
  'campaign.measure.roi': {
    en: '(incremental revenue × margin − cost) / cost, with the interval carried over from incremental revenue.',
    ru: '(дополнительная выручка × маржа − затраты) / затраты, интервал перенесён с дополнительной выручки.',
  },
  'campaign.fig.revenue_p_value': {
    en: 'p-value of the Welch t-test of revenue per member, target vs control (two-sided). Below 0.05 the verdict calls the effect significant.',
    ru: 'p-значение t-критерия Уэлча для выручки на участника, цель против контроля (двустороннее). Меньше 0,05 — вывод называет эффект значимым.',
  },
  'campaign.fig.conversion_difference': {
    en: 'Target conversion rate − control conversion rate in percentage points, with the p-value of the two-proportion z-test.',
    ru: 'Конверсия цели − конверсия контроля в процентных пунктах, с p-значением z-критерия для двух долей.',
  },
  'campaign.fig.srm': {
    en: "Sample-ratio check: Pearson's χ² of the group sizes against the planned split; p < 0.001 flags a mismatch (broken assignment or logging).",
    ru: 'Проверка соотношения групп: χ² Пирсона размеров групп против планового разбиения; p < 0,001 означает расхождение (сломан отбор или учёт).',
  },
  'campaign.transitions': {
    en: 'Of each group\'s members in stage "from" at selection, the share in stage "to" in the first analysis snapshot at or after the window\'s last day; a two-proportion z-test per move, Holm-adjusted over all moves.',
    ru: 'Из участников каждой группы в стадии «из» при отборе — доля в стадии «в» в первом срезе анализа на последний день окна или позже; z-критерий для двух долей по каждому переходу с поправкой Холма по всем переходам.',
  },
  'campaign.col.from': { en: 'Stage at the selection date.', ru: 'Стадия на дату отбора.' },
  'campaign.col.to': {
    en: 'Stage in the analysis snapshot after the window.',
    ru: 'Стадия в срезе анализа после окна.',
  },
  'campaign.col.target_share': {
    en: 'Share of the target members in "from" who ended in "to" (moved / in "from").',
    ru: 'Доля участников цели в стадии «из», оказавшихся в «в» (перешли / были в «из»).',
  },
  'campaign.col.control_share': {
    en: 'Share of the control members in "from" who ended in "to" (moved / in "from").',
    ru: 'Доля участников контроля в стадии «из», оказавшихся в «в» (перешли / были в «из»).',
  },
  'campaign.col.move_difference': {
    en: 'Target share − control share, in percentage points.',
    ru: 'Доля в цели − доля в контроле, в процентных пунктах.',
  },
  'campaign.col.move_p_value': {
    en: 'Two-proportion z-test of the two shares (two-sided).',
    ru: 'z-критерий для двух долей (двусторонний).',
  },
  'campaign.col.p_value_holm': {
    en: 'The p-value adjusted by Holm–Bonferroni over all moves tested, since many moves are compared at once.',
    ru: 'p-значение с поправкой Холма — Бонферрони по всем проверенным переходам, так как сравнивается сразу много переходов.',
  },
  'campaign.funnel': {
    en: 'From the attached contact log (`clientele campaign contacts`): target members sent, opened and clicked, and the orders the sent customers placed in the window.',
    ru: 'По приложенному журналу контактов (`clientele campaign contacts`): отправки, открытия и переходы участников цели и заказы получивших рассылку в окне.',
  },
  'campaign.funnel.sent': {
    en: 'Target members with a send time.',
    ru: 'Участники цели со временем отправки.',
  },
  'campaign.funnel.opened': {
    en: 'Of the sent, those with an open time (unique opens).',
    ru: 'Из получивших — с временем открытия (уникальные открытия).',
  },
  'campaign.funnel.clicked': {
    en: 'Of the sent, those with a click time (unique clicks).',
    ru: 'Из получивших — с временем перехода (уникальные переходы).',
  },
  'campaign.funnel.orders': {
    en: 'Distinct orders with a purchase line that the sent customers placed in the window.',
    ru: 'Различные заказы со строкой покупки, сделанные получившими рассылку в окне.',
  },
  'campaign.funnel.openRate': {
    en: 'Opened / delivered (delivered = sent, bounces being unknown).',
    ru: 'Открыли / доставлено (доставлено = отправлено, отказы неизвестны).',
  },
  'campaign.funnel.clickThroughRate': { en: 'Clicked / delivered (CTR).', ru: 'Перешли / доставлено (CTR).' },
  'campaign.funnel.clickToOpenRate': {
    en: 'Clicked / opened (CTOR); it can exceed 100 % where images, and so opens, are blocked.',
    ru: 'Перешли / открыли (CTOR); может превышать 100 %, если картинки, а с ними и открытия, блокируются.',
  },
  'campaign.funnel.conversionRate': { en: 'Orders / delivered.', ru: 'Заказы / доставлено.' },
  'campaign.funnel.costPerOrder': {
    en: 'Sent × cost per contact / orders.',
    ru: 'Отправлено × стоимость контакта / заказы.',
  },
  'campaign.col.customer_id': { en: 'Customer id.', ru: 'Идентификатор клиента.' },
  'campaign.col.name': { en: 'Name from the customers file.', ru: 'Имя из файла клиентов.' },
  'campaign.col.email': { en: 'E-mail from the customers file.', ru: 'E-mail из файла клиентов.' },
  'campaign.col.phone': { en: 'Phone from the customers file.', ru: 'Телефон из файла клиентов.' },
  'campaign.col.region': { en: 'Region from the customers file.', ru: 'Регион из файла клиентов.' },
  'campaign.col.arm': {
    en: 'Target (to contact) or control (to leave alone).',
    ru: 'Цель (связаться) или контроль (не трогать).',
  },
  'campaign.col.stage_at_selection': {
    en: 'Lifecycle stage at the selection date (when an analysis existed there).',
    ru: 'Стадия жизненного цикла на дату отбора (если на эту дату был анализ).',
  },
} satisfies Record<string, HelpText>;

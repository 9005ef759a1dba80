import type { HelpText } from './help-text.js';
import { HISTORY_HELP } from './help-history.js';
import { SEGMENTS_HELP } from './help-segments.js';
import { MODELS_HELP } from './help-models.js';
import { CAMPAIGNS_HELP } from './help-campaigns.js';

export type { HelpText } from './help-text.js';

/**
 * How the figures that are not catalogue metrics are computed (summaries, monthly series, load reports, table
 * columns), in both languages; each area's pages add theirs from `help-<area>.ts`.
 */
export const HELP = {
  asof: {
    en: 'Every figure is computed from the sales up to the end of this date, as if today were that day. Empty: the date of the latest sale.',
    ru: 'Все показатели считаются по продажам до конца этой даты, как если бы сегодня был этот день. Пусто — дата последней продажи.',
  },
  'summary.customers': {
    en: 'Identified customers with at least one purchase line (amount > 0) up to the as-of date.',
    ru: 'Идентифицированные клиенты хотя бы с одной строкой покупки (сумма > 0) до даты расчёта.',
  },
  'summary.orders': { en: 'Sum over customers of:', ru: 'Сумма по клиентам показателя:', metric: 'orders' },
  'summary.revenue': { en: 'Sum over customers of:', ru: 'Сумма по клиентам показателя:', metric: 'revenue' },
  'summary.gross_revenue': {
    en: 'Sum over customers of:',
    ru: 'Сумма по клиентам показателя:',
    metric: 'gross_revenue',
  },
  'summary.returns': { en: 'Sum over customers of:', ru: 'Сумма по клиентам показателя:', metric: 'returns' },
  'summary.mean_aov': { en: 'Mean over customers of:', ru: 'Среднее по клиентам показателя:', metric: 'aov' },
  'summary.repeat_customers': {
    en: 'Customers who bought on more than one day (purchase days > 1), and their share of all customers.',
    ru: 'Клиенты, покупавшие больше чем в один день (дней с покупками > 1), и их доля среди всех клиентов.',
  },
  'summary.active_90d': {
    en: 'Customers with at least one order in the 90 days ending on the as-of date (orders_90d > 0), and their share.',
    ru: 'Клиенты хотя бы с одним заказом за 90 дней, заканчивающихся датой расчёта (orders_90d > 0), и их доля.',
  },
  'summary.median_orders': {
    en: 'Median over customers of:',
    ru: 'Медиана по клиентам показателя:',
    metric: 'orders',
  },
  'summary.median_recency_days': {
    en: 'Median over customers of:',
    ru: 'Медиана по клиентам показателя:',
    metric: 'recency_days',
  },
  change: {
    en: 'The change of the as-of month against the month before it. The as-of month may not be complete.',
    ru: 'Изменение месяца даты расчёта к предыдущему месяцу. Месяц даты расчёта может быть неполным.',
  },
  'monthly.month': {
    en: 'Calendar month (UTC) of the sales lines, from the first month with sales to the as-of month.',
    ru: 'Календарный месяц (UTC) строк продаж, от первого месяца с продажами до месяца даты расчёта.',
  },
  'monthly.new_customers': {
    en: 'Customers whose first purchase (first_purchase) falls in the month.',
    ru: 'Клиенты, чья первая покупка (first_purchase) приходится на этот месяц.',
  },
  'monthly.active_customers': {
    en: 'Distinct identified customers with at least one purchase line (amount > 0) in the month.',
    ru: 'Различные идентифицированные клиенты хотя бы с одной строкой покупки (сумма > 0) в этом месяце.',
  },
  'monthly.orders': {
    en: 'Distinct (customer, order) pairs with a purchase line in the month.',
    ru: 'Различные пары (клиент, заказ) со строкой покупки в этом месяце.',
  },
  'monthly.revenue': {
    en: "Sum of the amounts of identified customers' lines in the month: purchases minus returns.",
    ru: 'Сумма строк идентифицированных клиентов за месяц: покупки минус возвраты.',
  },
  'card.monthly': {
    en: "The customer's orders (distinct order ids with a purchase line) and net amount per calendar month.",
    ru: 'Заказы клиента (различные номера заказов со строкой покупки) и чистая сумма по календарным месяцам.',
  },
  'line.ts': { en: 'Date and time of the sales line (UTC).', ru: 'Дата и время строки продажи (UTC).' },
  'line.order_id': {
    en: 'Order (receipt) id; without an order column the engine uses customer and time.',
    ru: 'Номер заказа (чека); если его нет в файле, заказ — это клиент и время.',
  },
  'line.sku': { en: 'Product code of the line.', ru: 'Код товара в строке.' },
  'line.product': {
    en: 'Product name from the products file, matched by SKU.',
    ru: 'Название товара из файла товаров, найденное по артикулу.',
  },
  'line.category': {
    en: 'Product category from the products file, matched by SKU.',
    ru: 'Категория товара из файла товаров, найденная по артикулу.',
  },
  'line.quantity': { en: 'Units in the line.', ru: 'Количество единиц в строке.' },
  'line.amount': {
    en: 'Net revenue of the line; negative for returns.',
    ru: 'Чистая выручка строки; отрицательная для возвратов.',
  },
  'line.store': { en: 'Store or outlet of the sale.', ru: 'Магазин или точка продаж.' },
  'line.channel': { en: 'Sales channel.', ru: 'Канал продаж.' },
  'line.load_id': { en: 'The load that brought this line.', ru: 'Загрузка, из которой пришла строка.' },
  'attr.created_at': {
    en: 'Registration date from the customers file.',
    ru: 'Дата регистрации из файла клиентов.',
  },
  'attr.name': { en: 'Name from the customers file.', ru: 'Имя из файла клиентов.' },
  'attr.email': { en: 'E-mail from the customers file.', ru: 'E-mail из файла клиентов.' },
  'attr.phone': { en: 'Phone from the customers file.', ru: 'Телефон из файла клиентов.' },
  'attr.region': { en: 'Region or city from the customers file.', ru: 'Регион или город из файла клиентов.' },
  'attr.other': {
    en: 'A column of the customers file that is not a standard field, kept as it was.',
    ru: 'Столбец файла клиентов, не являющийся стандартным полем, сохранён как есть.',
  },
  'layout.kind': {
    en: 'Which table the rows go to: detected from the column names unless you choose.',
    ru: 'В какую таблицу пойдут строки: определяется по названиям столбцов, если не выбрано вручную.',
  },
  'layout.format': {
    en: "Detected from the file's content; the extension is only a hint.",
    ru: 'Определяется по содержимому файла; расширение — лишь подсказка.',
  },
  'layout.encoding': {
    en: 'A byte-order mark decides; else valid UTF-8 is UTF-8, and Cyrillic bytes that are not UTF-8 are Windows-1251.',
    ru: 'Решает метка порядка байтов; иначе корректный UTF-8 — это UTF-8, а кириллица не в UTF-8 — Windows-1251.',
  },
  'layout.delimiter': {
    en: 'The separator that splits the first lines into the most consistent columns (; tab , | or spaces).',
    ru: 'Разделитель, который делит первые строки на самые согласованные столбцы (; табуляция , | или пробелы).',
  },
  'layout.header_line': {
    en: 'The line with the column names; title lines above it (as in 1C reports) are skipped.',
    ru: 'Строка с названиями столбцов; заголовочные строки над ней (как в отчётах 1С) пропускаются.',
  },
  'layout.decimal': {
    en: 'Decimal separator of the numbers, detected from the money and quantity columns.',
    ru: 'Десятичный разделитель чисел, определяется по столбцам сумм и количества.',
  },
  'layout.date_format': {
    en: 'The date format that reads most of the sample dates; ambiguous day/month orders are reported as warnings.',
    ru: 'Формат дат, читающий большинство дат из выборки; неоднозначный порядок дня и месяца даёт предупреждение.',
  },
  'layout.bytes': { en: 'Size of the file as sent.', ru: 'Размер отправленного файла.' },
  'mapping.column': {
    en: 'The column of your file that fills this field: found by its name (English or Russian) unless you choose.',
    ru: 'Столбец вашего файла, который заполняет это поле: находится по названию (по-английски или по-русски), если не выбран вручную.',
  },
  'mapping.sample': {
    en: 'The first values of the chosen column, as read from the file.',
    ru: 'Первые значения выбранного столбца в том виде, как они прочитаны из файла.',
  },
  'sample.column': {
    en: 'A column of your file, with the field it fills.',
    ru: 'Столбец вашего файла и поле, которое он заполняет.',
  },
  'report.rows_read': {
    en: 'Data rows found in the file. Always equal to accepted + rejected: no row is lost silently.',
    ru: 'Строки данных, найденные в файле. Всегда равно принятым + отклонённым: ни одна строка не теряется молча.',
  },
  'report.rows_accepted': {
    en: 'Rows that passed every check and were added to the table.',
    ru: 'Строки, прошедшие все проверки и добавленные в таблицу.',
  },
  'report.rows_rejected': {
    en: 'Rows kept aside with their line number and reason (bad date, bad amount, wrong number of fields, …).',
    ru: 'Строки, отложенные с номером строки и причиной (неверная дата, сумма, число полей и т. п.).',
  },
  'report.rows_anonymous': {
    en: 'Accepted sales lines without a customer id: they count in revenue totals but in no customer.',
    ru: 'Принятые строки продаж без идентификатора клиента: входят в итоги выручки, но ни в одного клиента.',
  },
  'report.rows_returns': {
    en: 'Accepted lines with a negative amount (returns, cancellations): kept and flagged.',
    ru: 'Принятые строки с отрицательной суммой (возвраты, отмены): сохранены и отмечены.',
  },
  'report.duplicate_lines': {
    en: 'Lines identical to an earlier line of the file. They are kept (two equal purchases are possible).',
    ru: 'Строки, совпадающие с более ранней строкой файла. Они сохранены (две одинаковые покупки возможны).',
  },
  'report.customers': {
    en: 'Distinct customer ids among the accepted rows.',
    ru: 'Различные идентификаторы клиентов среди принятых строк.',
  },
  'report.date_min': {
    en: 'Earliest date among the accepted rows.',
    ru: 'Самая ранняя дата среди принятых строк.',
  },
  'report.date_max': {
    en: 'Latest date among the accepted rows.',
    ru: 'Самая поздняя дата среди принятых строк.',
  },
  'reasons.reason': { en: 'Why the rows were rejected.', ru: 'Почему строки отклонены.' },
  'reasons.count': { en: 'Rejected rows with this reason.', ru: 'Отклонённые строки по этой причине.' },
  'reasons.first_lines': {
    en: 'Line numbers in the file (as a text editor counts them) of the first such rows.',
    ru: 'Номера строк в файле (как их считает текстовый редактор) первых таких строк.',
  },
  'reasons.example': { en: 'The message of the first such row.', ru: 'Сообщение для первой такой строки.' },
  'rejects.line': {
    en: 'Line number in the file, counted as a text editor does (rows for Excel, records for JSON).',
    ru: 'Номер строки в файле, как его считает текстовый редактор (строка листа для Excel, запись для JSON).',
  },
  'rejects.reason': { en: 'Stable code of the reason.', ru: 'Постоянный код причины.' },
  'rejects.message': { en: 'What exactly is wrong with the row.', ru: 'Что именно не так со строкой.' },
  'rejects.column': {
    en: 'The column that failed the check, if one did.',
    ru: 'Столбец, не прошедший проверку, если есть.',
  },
  'rejects.raw': {
    en: 'The original text of the row. In downloads, text starting with = + - @ is prefixed with an apostrophe so spreadsheets do not run it.',
    ru: 'Исходный текст строки. В выгрузках текст, начинающийся с = + - @, предваряется апострофом, чтобы таблицы его не выполняли.',
  },
  'loads.load_id': { en: 'Number of the load, in order.', ru: 'Номер загрузки по порядку.' },
  'loads.loaded_at': { en: 'When the load finished (UTC).', ru: 'Когда загрузка завершилась (UTC).' },
  'loads.kind': { en: 'The table the rows went to.', ru: 'Таблица, в которую пошли строки.' },
  'loads.file': {
    en: 'The file as it was named when loaded.',
    ru: 'Файл под тем именем, с которым он загружен.',
  },
  'loads.rows_read': {
    en: 'Data rows found in the file (= accepted + rejected).',
    ru: 'Строки данных, найденные в файле (= принятые + отклонённые).',
  },
  'loads.rows_accepted': { en: 'Rows added to the table.', ru: 'Строки, добавленные в таблицу.' },
  'loads.rows_rejected': {
    en: 'Rows kept aside with their line number and reason.',
    ru: 'Строки, отложенные с номером строки и причиной.',
  },
  ...HISTORY_HELP,
  ...SEGMENTS_HELP,
  ...MODELS_HELP,
  ...CAMPAIGNS_HELP,
} satisfies Record<string, HelpText>;

export type HelpKey = keyof typeof HELP;

/** What each canonical field holds (mapping editor). */
export const FIELD_HELP: Record<string, HelpText> = {
  customer_id: {
    en: 'Who bought: card number, client code or e-mail id.',
    ru: 'Кто купил: номер карты, код клиента.',
  },
  order_id: {
    en: 'Receipt or order number; lines with the same number form one order.',
    ru: 'Номер чека или заказа; строки с одним номером образуют один заказ.',
  },
  ts: { en: 'Date (and time) of the sale.', ru: 'Дата (и время) продажи.' },
  amount: {
    en: 'Net revenue of the line; negative for returns. Without it, quantity × price.',
    ru: 'Чистая выручка строки; отрицательная для возвратов. Если её нет — количество × цена.',
  },
  quantity: { en: 'Units sold in the line.', ru: 'Проданное количество в строке.' },
  price: {
    en: 'Unit price (gives the amount with the quantity).',
    ru: 'Цена за единицу (вместе с количеством даёт сумму).',
  },
  sku: { en: 'Product code.', ru: 'Код товара (артикул).' },
  store: { en: 'Store or outlet.', ru: 'Магазин или точка продаж.' },
  channel: { en: 'Sales channel (online, store, app…).', ru: 'Канал продаж (онлайн, магазин, приложение…).' },
  cost: {
    en: 'Cost of the goods in the line (for margin).',
    ru: 'Себестоимость товаров в строке (для маржи).',
  },
  created_at: { en: 'Registration date of the customer.', ru: 'Дата регистрации клиента.' },
  name: { en: 'Name.', ru: 'Имя или наименование.' },
  email: { en: 'E-mail address.', ru: 'Адрес электронной почты.' },
  phone: { en: 'Phone number.', ru: 'Номер телефона.' },
  region: { en: 'Region, city or country.', ru: 'Регион, город или страна.' },
  category: { en: 'Product category.', ru: 'Категория товара.' },
  brand: { en: 'Brand or manufacturer.', ru: 'Бренд или производитель.' },
};

/** Reasons a row is rejected (the engine's stable codes). */
export const REASONS: Record<string, { en: string; ru: string }> = {
  field_count: {
    en: 'a different number of fields than the header',
    ru: 'число полей не совпадает с заголовком',
  },
  reader_error: { en: 'the line could not be read', ru: 'строку не удалось прочитать' },
  bad_json: { en: 'not a JSON object', ru: 'не JSON-объект' },
  missing_date: { en: 'empty date', ru: 'пустая дата' },
  bad_date: { en: 'unreadable date', ru: 'дата не читается' },
  date_out_of_range: { en: 'date before 1900 or after 2100', ru: 'дата раньше 1900 или позже 2100' },
  missing_amount: { en: 'empty amount', ru: 'пустая сумма' },
  bad_amount: { en: 'the amount is not a number', ru: 'сумма не число' },
  missing_price: { en: 'empty price', ru: 'пустая цена' },
  bad_price: { en: 'the price is not a number', ru: 'цена не число' },
  missing_quantity: {
    en: 'empty quantity (needed for the amount)',
    ru: 'пустое количество (нужно для суммы)',
  },
  bad_quantity: { en: 'the quantity is not a number', ru: 'количество не число' },
  bad_cost: { en: 'the cost is not a number', ru: 'себестоимость не число' },
  missing_key: { en: 'empty identifier', ru: 'пустой идентификатор' },
  duplicate_key: {
    en: 'the identifier repeats an earlier line',
    ru: 'идентификатор повторяет более раннюю строку',
  },
};

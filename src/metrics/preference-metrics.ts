import type { Metric } from './metric.js';

/**
 * What each customer prefers, from their purchase lines up to the as-of date. Level `category` aggregates the
 * customer's revenue per catalogue category (`category`, `rev`, `share` of the customer's categorised
 * revenue); level `sku` per SKU (`sku`, `rev`).
 */
export const PREFERENCE_METRICS: readonly Metric[] = [
  {
    id: 'favourite_category',
    group: 'products',
    unit: 'text',
    level: 'category',
    type: 'VARCHAR',
    // Not first(category ORDER BY rev DESC, category): an ordered aggregate holds its rows outside what spills.
    sql: 'arg_min(category, row(-rev, category))',
    name: { en: 'Favourite category', ru: 'Любимая категория' },
    method: {
      en: 'The catalogue category with the largest gross revenue among the customer’s purchase lines (ties: alphabetically first); empty without a products catalogue.',
      ru: 'Категория каталога с наибольшей валовой выручкой среди покупок клиента (при равенстве — первая по алфавиту); пусто без каталога товаров.',
    },
  },
  {
    id: 'favourite_category_share',
    group: 'products',
    unit: 'ratio',
    level: 'category',
    type: 'DOUBLE',
    sql: 'max(share)',
    name: { en: 'Share of the favourite category', ru: 'Доля любимой категории' },
    method: {
      en: 'The favourite category’s share of the customer’s gross revenue in categorised products (0.6 = 60 %).',
      ru: 'Доля любимой категории в валовой выручке клиента по товарам с категорией (0,6 = 60 %).',
    },
  },
  {
    id: 'category_breadth',
    group: 'products',
    unit: 'count',
    level: 'category',
    type: 'DOUBLE',
    // Each term rounded to 18 decimals and summed exactly: the result does not depend on the order of the rows.
    sql: 'exp(-CAST(sum(CAST(share * ln(share) AS DECIMAL(38, 18))) AS DOUBLE))',
    name: { en: 'Category breadth', ru: 'Широта категорий' },
    method: {
      en: 'Effective number of categories: exp of the Shannon entropy of the customer’s revenue shares by category (Hill 1973, order 1). 1 = one category only; k = k categories bought equally.',
      ru: 'Эффективное число категорий: экспонента энтропии Шеннона долей выручки клиента по категориям (Hill 1973, порядок 1). 1 — одна категория; k — k категорий в равных долях.',
    },
  },
  {
    id: 'favourite_sku',
    group: 'products',
    unit: 'id',
    level: 'sku',
    type: 'VARCHAR',
    sql: 'arg_min(sku, row(-rev, sku))',
    name: { en: 'Favourite product', ru: 'Любимый товар' },
    method: {
      en: 'The SKU with the largest gross revenue among the customer’s purchase lines (ties: the smallest SKU code).',
      ru: 'Артикул с наибольшей валовой выручкой среди покупок клиента (при равенстве — наименьший код).',
    },
  },
];

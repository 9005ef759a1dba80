/** Tuning of the item-to-item recommender; the method text states each. */
export const RECOMMEND_LIMITS = {
  /** Each customer's most recently bought distinct SKUs that count toward co-occurrence and scoring. */
  itemsPerCustomer: 50,
  /** Neighbours kept per SKU (the most similar). */
  neighbours: 30,
  /** A pair of SKUs is similar only when at least this many customers bought both. */
  minCoBuyers: 2,
  /** Popular SKUs offered as a fallback (a customer may own some of them). */
  popularPool: 25,
  /** Days up to the as-of date over which popularity is counted first. */
  popularDays: 90,
  /** Most recommendations per customer (`--top`). */
  most: 100,
} as const;

export const RECOMMEND_METHOD = {
  en: `Item-to-item collaborative filtering (Sarwar, Karypis, Konstan & Riedl 2001; Linden, Smith & York 2003). Two SKUs are similar when the same customers buy both: cosine similarity of their buyer sets, co-buyers / √(buyers of A × buyers of B), over each customer's ${RECOMMEND_LIMITS.itemsPerCustomer} most recently bought SKUs up to the as-of date (purchase lines only), pairs bought by at least ${RECOMMEND_LIMITS.minCoBuyers} customers, the ${RECOMMEND_LIMITS.neighbours} nearest neighbours of each SKU kept. A customer's score for a SKU they have not bought is the sum of its similarities to the SKUs they have; "because" names the bought SKU that contributes most; ties go to the lower SKU. Customers with too few such SKUs are filled up with the SKUs bought by the most customers in the last ${RECOMMEND_LIMITS.popularDays} days (then over all time) that they have not bought (source "popular").`,
  ru: `Коллаборативная фильтрация «товар — товар» (Sarwar, Karypis, Konstan и Riedl 2001; Linden, Smith и York 2003). Два артикула похожи, когда их покупают одни и те же клиенты: косинусное сходство множеств покупателей, общие покупатели / √(покупатели A × покупатели B), по ${RECOMMEND_LIMITS.itemsPerCustomer} последним купленным артикулам каждого клиента до даты расчёта (только строки покупок), пары, купленные хотя бы ${RECOMMEND_LIMITS.minCoBuyers} клиентами, по ${RECOMMEND_LIMITS.neighbours} ближайших соседей на артикул. Оценка артикула, который клиент ещё не покупал, — сумма его сходств с купленными; «потому что» — купленный артикул с наибольшим вкладом; при равенстве выбирается меньший артикул. Если таких артикулов мало, список дополняется самыми покупаемыми за последние ${RECOMMEND_LIMITS.popularDays} дней (затем за всё время) артикулами, которых у клиента нет (источник «popular»).`,
};

import { RECOMMEND_METHOD } from './recommendation-method.js';
import type { Metric } from './metric.js';

/** Written by `clientele recommend`; the profile shows it when recommendations exist at its date. */
export const RECOMMENDATION_METRICS: readonly Metric[] = [
  {
    id: 'recommended_skus',
    group: 'products',
    unit: 'text',
    level: 'recommendation',
    type: 'VARCHAR',
    sql: 'rc.recommended_skus',
    name: { en: 'Recommended next products', ru: 'Рекомендуемые товары' },
    method: {
      en: `The SKUs the customer is most likely to want next, best first, comma-separated. ${RECOMMEND_METHOD.en}`,
      ru: `Артикулы, которые клиент вероятнее всего захочет купить, лучшие первыми, через запятую. ${RECOMMEND_METHOD.ru}`,
    },
  },
];

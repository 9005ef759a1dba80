import {
  abcMethod,
  DEFAULT_SEGMENT_SETTINGS,
  xyzMethod,
  type SegmentSettings,
  type Text,
  type Unit,
} from '../metrics/index.js';
import type { PivotDimension, PivotMeasure } from './pivot.js';

/** What a pivot dimension or measure is called and how it is computed, in both languages. */
export interface PivotLabel {
  name: Text;
  method: Text;
}

export interface PivotMeasureLabel extends PivotLabel {
  unit: Unit;
  /** Sums over customers, so cells add up to a total (counts, sums); averages do not. */
  additive: boolean;
  /** Needs `clientele predict --snapshots` (predictions at every snapshot). */
  predictions: boolean;
}

export const PIVOT_DIMENSION_LABELS: Record<PivotDimension, PivotLabel> = {
  as_of: {
    name: { en: 'Snapshot month', ru: 'Месяц среза' },
    method: {
      en: 'The month of the analysis snapshot: its last day, or the analysis date for the latest month.',
      ru: 'Месяц среза анализа: его последний день или дата анализа для последнего месяца.',
    },
  },
  cohort: {
    name: { en: 'Cohort', ru: 'Когорта' },
    method: { en: "The month of the customer's first purchase.", ru: 'Месяц первой покупки клиента.' },
  },
  stage: {
    name: { en: 'Lifecycle stage', ru: 'Стадия жизненного цикла' },
    method: {
      en: "The customer's stage at the snapshot, from their own purchase rhythm.",
      ru: 'Стадия клиента на дату среза по его собственному ритму покупок.',
    },
  },
  transition: {
    name: { en: 'Stage transition', ru: 'Переход между стадиями' },
    method: {
      en: 'The stage at the previous snapshot → the stage at this one; (entered) for customers who were not in the base a snapshot earlier.',
      ru: 'Стадия на предыдущем срезе → стадия на этом; (entered) — клиенты, которых на предыдущем срезе ещё не было в базе.',
    },
  },
  rfm_segment: {
    name: { en: 'RFM segment', ru: 'RFM-сегмент' },
    method: {
      en: 'The segment of the R × FM map at the snapshot.',
      ru: 'Сегмент по карте R × FM на дату среза.',
    },
  },
  abc: {
    name: { en: 'ABC class of the customer', ru: 'ABC-класс клиента' },
    method: abcMethod(DEFAULT_SEGMENT_SETTINGS.abcXyz),
  },
  xyz: {
    name: { en: 'XYZ class of the customer', ru: 'XYZ-класс клиента' },
    method: xyzMethod(DEFAULT_SEGMENT_SETTINGS.abcXyz),
  },
  category: {
    name: { en: 'Main category', ru: 'Основная категория' },
    method: {
      en: "The catalogue category with the largest gross revenue among the customer's purchase lines up to the analysis date (ties: alphabetically first), as the profile's favourite category.",
      ru: 'Категория каталога с наибольшей валовой выручкой среди строк покупок клиента до даты анализа (при равенстве — первая по алфавиту), как «любимая категория» профиля.',
    },
  },
  region: {
    name: { en: 'Region', ru: 'Регион' },
    method: { en: 'The region in the customers file.', ru: 'Регион из файла клиентов.' },
  },
  channel: {
    name: { en: 'Main channel', ru: 'Основной канал' },
    method: {
      en: "The sales channel of the customer's largest purchase line up to the analysis date.",
      ru: 'Канал продаж самой крупной строки покупки клиента до даты анализа.',
    },
  },
};

/** The dimensions' labels, ABC and XYZ stating the settings of the stored analysis (the catalogue's texts). */
export function pivotDimensionLabels(settings?: SegmentSettings): Record<PivotDimension, PivotLabel> {
  if (!settings) return PIVOT_DIMENSION_LABELS;
  return {
    ...PIVOT_DIMENSION_LABELS,
    abc: { ...PIVOT_DIMENSION_LABELS.abc, method: abcMethod(settings.abcXyz) },
    xyz: { ...PIVOT_DIMENSION_LABELS.xyz, method: xyzMethod(settings.abcXyz) },
  };
}

export const PIVOT_MEASURE_LABELS: Record<PivotMeasure, PivotMeasureLabel> = {
  count: {
    name: { en: 'Customers', ru: 'Клиентов' },
    method: {
      en: 'Customers in the base at the snapshot (at least one purchase up to it).',
      ru: 'Клиенты в базе на дату среза (хотя бы одна покупка до неё).',
    },
    unit: 'count',
    additive: true,
    predictions: false,
  },
  active: {
    name: { en: 'Bought in the month', ru: 'Купили в месяце' },
    method: {
      en: "Customers with a purchase in the snapshot's month.",
      ru: 'Клиенты с покупкой в месяце среза.',
    },
    unit: 'count',
    additive: true,
    predictions: false,
  },
  revenue: {
    name: { en: 'Net revenue in the month', ru: 'Чистая выручка за месяц' },
    method: {
      en: "Sum of the customers' net revenue (purchases minus returns) in the snapshot's month.",
      ru: 'Сумма чистой выручки клиентов (покупки минус возвраты) в месяце среза.',
    },
    unit: 'currency',
    additive: true,
    predictions: false,
  },
  orders: {
    name: { en: 'Orders in the month', ru: 'Заказов за месяц' },
    method: {
      en: "Sum of the customers' orders in the snapshot's month.",
      ru: 'Сумма заказов клиентов в месяце среза.',
    },
    unit: 'count',
    additive: true,
    predictions: false,
  },
  gross_revenue: {
    name: { en: 'Gross revenue to date', ru: 'Валовая выручка с начала' },
    method: {
      en: "Sum of the customers' gross revenue (purchases) from their first purchase up to the snapshot.",
      ru: 'Сумма валовой выручки клиентов (покупки) от первой покупки до даты среза.',
    },
    unit: 'currency',
    additive: true,
    predictions: false,
  },
  avg_recency_days: {
    name: { en: 'Mean days since last purchase', ru: 'Средняя давность покупки, дней' },
    method: {
      en: 'Mean over the customers of the days from the last purchase to the snapshot.',
      ru: 'Среднее по клиентам число дней от последней покупки до даты среза.',
    },
    unit: 'days',
    additive: false,
    predictions: false,
  },
  avg_revenue: {
    name: { en: 'Mean net revenue to date', ru: 'Средняя чистая выручка с начала' },
    method: {
      en: 'Mean over the customers of their net revenue (purchases minus returns) up to the snapshot.',
      ru: 'Среднее по клиентам чистой выручки (покупки минус возвраты) до даты среза.',
    },
    unit: 'currency',
    additive: false,
    predictions: false,
  },
  avg_clv: {
    name: { en: 'Mean CLV', ru: 'Средний CLV' },
    method: {
      en: 'Mean predicted customer lifetime value, predicted at each snapshot from the history up to it (`clientele predict --snapshots`).',
      ru: 'Средняя прогнозная ценность клиента (CLV), прогноз на каждую дату среза по истории до неё (`clientele predict --snapshots`).',
    },
    unit: 'currency',
    additive: false,
    predictions: true,
  },
  sum_clv: {
    name: { en: 'Total CLV', ru: 'Суммарный CLV' },
    method: {
      en: 'Sum of the predicted customer lifetime values at the snapshot (`clientele predict --snapshots`).',
      ru: 'Сумма прогнозных ценностей клиентов (CLV) на дату среза (`clientele predict --snapshots`).',
    },
    unit: 'currency',
    additive: true,
    predictions: true,
  },
  avg_churn_risk: {
    name: { en: 'Mean churn risk', ru: 'Средний риск оттока' },
    method: {
      en: 'Mean of 1 − P(alive) predicted at the snapshot (`clientele predict --snapshots`).',
      ru: 'Среднее 1 − P(жив), спрогнозированной на дату среза (`clientele predict --snapshots`).',
    },
    unit: 'ratio',
    additive: false,
    predictions: true,
  },
};

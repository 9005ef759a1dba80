import { DEFAULT_ABC_XYZ, type AbcXyzOptions } from '../segments/abc-xyz.js';
import { quantileLevels, type RfmOptions } from '../segments/rfm.js';
import type { Text } from '../util/text.js';

/** The settings an analysis classed its customers with; the method texts state them. */
export interface SegmentSettings {
  rfm: Pick<RfmOptions, 'levels' | 'cuts'>;
  abcXyz: AbcXyzOptions;
}

export const DEFAULT_SEGMENT_SETTINGS: SegmentSettings = {
  rfm: { levels: 5 },
  abcXyz: DEFAULT_ABC_XYZ,
};

/** A share as a percentage with at most one decimal: 0.8 → "80", 1/3 → "33.3" (ru: "33,3"). */
function percent(share: number, lang: keyof Text): string {
  const text = String(Math.round(share * 1000) / 10);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

function numbers(values: readonly number[], lang: keyof Text): string {
  return values.map((v) => (lang === 'ru' ? String(v).replace('.', ',') : String(v))).join(', ');
}

const DIMENSION: Record<'r' | 'f' | 'm', Text> = {
  r: {
    en: 'Recency (days since last purchase, lower is better)',
    ru: 'Давность (дней с последней покупки, меньше — лучше)',
  },
  f: { en: 'Frequency (orders)', ru: 'Частота (число заказов)' },
  m: { en: 'Monetary value (gross revenue)', ru: 'Сумма (валовая выручка)' },
};

/** How an R, F or M score is given: against quantiles of the customers, or against fixed cut points. */
export function rfmScoreMethod(d: 'r' | 'f' | 'm', rfm: SegmentSettings['rfm']): Text {
  const top = rfm.levels;
  const cuts = rfm.cuts?.[d];
  const levels = quantileLevels(rfm.levels);
  const against: Text = cuts
    ? {
        en: `the fixed cut points ${numbers(cuts, 'en')} given for the analysis`,
        ru: `фиксированным порогам ${numbers(cuts, 'ru')}, заданным для анализа`,
      }
    : {
        en: `the ${levels.map((l) => percent(l, 'en')).join('/')} % quantiles of all customers at the date (linear interpolation)`,
        ru: `${levels.map((l) => percent(l, 'ru')).join('/')} % квантилям всех клиентов на дату (линейная интерполяция)`,
      };
  return {
    en: `${DIMENSION[d].en} scored 1–${top} against ${against.en}: 1 + the number of cut points strictly below the value${d === 'r' ? `, reversed (${top + 1} minus that)` : ''}. Equal values share a score.`,
    ru: `${DIMENSION[d].ru}: оценка 1–${top} по ${against.ru}: 1 + число порогов строго ниже значения${d === 'r' ? `, в обратном порядке (${top + 1} минус это)` : ''}. Равные значения получают одну оценку.`,
  };
}

/** The ABC rule with the shares it was computed with. */
export function abcMethod(o: AbcXyzOptions): Text {
  return {
    en: `Customers sorted by 12-month net revenue: A while the revenue of the customers before is under ${percent(o.a, 'en')} % of the total, B under ${percent(o.b, 'en')} %, C after (and C without positive revenue).`,
    ru: `Клиенты по убыванию чистой выручки за 12 месяцев: A, пока выручка предыдущих меньше ${percent(o.a, 'ru')} % итога, B — меньше ${percent(o.b, 'ru')} %, далее C (и C без положительной выручки).`,
  };
}

/** The XYZ rule with the limits it was computed with. */
export function xyzMethod(o: AbcXyzOptions): Text {
  return {
    en: `Coefficient of variation (population sd / mean, months without purchases counted as 0) of monthly net revenue over the same 12 months: X ≤ ${percent(o.x, 'en')} %, Y ≤ ${percent(o.y, 'en')} %, Z above; empty without revenue.`,
    ru: `Коэффициент вариации (ст. отклонение генеральной совокупности / среднее, месяцы без покупок — 0) месячной чистой выручки за те же 12 месяцев: X ≤ ${percent(o.x, 'ru')} %, Y ≤ ${percent(o.y, 'ru')} %, Z — выше; пусто без выручки.`,
  };
}

/** The method texts that depend on the settings, by metric id. */
export function segmentMethods(s: SegmentSettings): Record<string, Text> {
  return {
    r_score: rfmScoreMethod('r', s.rfm),
    f_score: rfmScoreMethod('f', s.rfm),
    m_score: rfmScoreMethod('m', s.rfm),
    abc: abcMethod(s.abcXyz),
    xyz: xyzMethod(s.abcXyz),
  };
}

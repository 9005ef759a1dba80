import type { Estimate } from './evaluation-summary.js';
import { textNumbers, type Lang } from './text-numbers.js';

/** The figures of an evaluation the verdict reads: those of its summary, and whether the window is complete. */
export interface VerdictInput {
  incremental_revenue: Estimate;
  revenue_p_value: number | null;
  conversion_difference: Estimate;
  conversion_p_value: number | null;
  roi: Estimate | null;
  cost: number | null;
  sample_ratio_mismatch: boolean;
  window_complete: boolean;
  alpha?: number;
}

type Paid = 'paid' | 'notPaid' | 'uncertain';

/** Each sentence of the verdict in each language, with the numbers already written in that language. */
const WORDS: Record<
  Lang,
  {
    mismatch: string;
    ci(lower: string, upper: string): string;
    brought(money: string, ci: string, p: string): string;
    lowered(money: string, ci: string, p: string): string;
    noEffect(money: string, ci: string, p: string): string;
    conversion(points: string, p: string): string;
    roi(cost: string, roi: string, ci: string, paid: string): string;
    paid: Record<Paid, string>;
    interim: string;
  }
> = {
  en: {
    mismatch:
      'The target and control groups are not in the planned proportion (sample-ratio mismatch): membership or logging is broken, so do not trust the comparison until that is explained.',
    ci: (lower, upper) => `95 % CI ${lower} to ${upper}`,
    brought: (money, ci, p) => `The campaign brought ${money} of incremental revenue (${ci}, p = ${p}).`,
    lowered: (money, ci, p) => `The campaign lowered revenue by ${money} (${ci}, p = ${p}).`,
    noEffect: (money, ci, p) =>
      `No measurable effect on revenue: the estimate of ${money} is within chance (${ci}, p = ${p}).`,
    conversion: (points, p) =>
      ` Conversion did change (${points} points, p = ${p}), but not enough to move revenue measurably.`,
    roi: (cost, roi, ci, paid) => `Against a cost of ${cost} the ROI is ${roi} (${ci}): ${paid}.`,
    paid: {
      paid: 'it paid for itself',
      notPaid: 'it did not pay for itself',
      uncertain: 'whether it paid for itself is uncertain',
    },
    interim: 'The window is not complete yet, so this is an interim reading.',
  },
  ru: {
    mismatch:
      'Целевая и контрольная группы не в запланированной пропорции (расхождение размеров групп): нарушен состав групп или учёт, поэтому не доверяйте сравнению, пока причина не найдена.',
    ci: (lower, upper) => `95 % ДИ от ${lower} до ${upper}`,
    brought: (money, ci, p) => `Кампания принесла ${money} дополнительной выручки (${ci}, p = ${p}).`,
    lowered: (money, ci, p) => `Кампания снизила выручку на ${money} (${ci}, p = ${p}).`,
    noEffect: (money, ci, p) =>
      `Измеримого влияния на выручку нет: оценка ${money} в пределах случайности (${ci}, p = ${p}).`,
    conversion: (points, p) =>
      ` Конверсия изменилась (${points} п. п., p = ${p}), но недостаточно, чтобы заметно сдвинуть выручку.`,
    roi: (cost, roi, ci, paid) => `При затратах ${cost} ROI составляет ${roi} (${ci}): ${paid}.`,
    paid: {
      paid: 'кампания окупилась',
      notPaid: 'кампания не окупилась',
      uncertain: 'окупилась ли кампания, пока неясно',
    },
    interim: 'Окно ещё не завершилось, поэтому это промежуточный результат.',
  },
};

/**
 * One or two sentences a marketer can act on: whether the campaign changed revenue (by the Welch test of revenue
 * per customer at the 5 % level), by how much with its 95 % interval, whether it paid for itself, and what makes
 * the result untrustworthy (a sample-ratio mismatch, an incomplete window). In English (the CLI) or Russian.
 */
export function verdict(v: VerdictInput, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const n = textNumbers(lang);
  const pct = (x: number | null) => (x === null ? '—' : `${n.fixed(100 * x, 0)} %`);
  const alpha = v.alpha ?? 0.05;
  const ir = v.incremental_revenue;
  const ci = w.ci(n.money(ir.lower), n.money(ir.upper));
  const p = n.p(v.revenue_p_value);
  const parts: string[] = [];
  if (v.sample_ratio_mismatch) parts.push(w.mismatch);
  const significant = v.revenue_p_value !== null && v.revenue_p_value < alpha;
  if (significant && (ir.estimate ?? 0) > 0) {
    parts.push(w.brought(n.money(ir.estimate), ci, p));
  } else if (significant) {
    parts.push(w.lowered(n.money(-(ir.estimate ?? 0)), ci, p));
  } else {
    const d = v.conversion_difference.estimate ?? 0;
    const conversion =
      v.conversion_p_value !== null && v.conversion_p_value < alpha
        ? w.conversion(`${d > 0 ? '+' : ''}${n.fixed(100 * d, 2)}`, n.p(v.conversion_p_value))
        : '';
    parts.push(`${w.noEffect(n.money(ir.estimate), ci, p)}${conversion}`);
  }
  if (v.roi !== null && v.roi.estimate !== null && v.cost !== null) {
    const { lower, upper } = v.roi;
    const paid: Paid =
      lower !== null && lower > 0 ? 'paid' : upper !== null && upper < 0 ? 'notPaid' : 'uncertain';
    parts.push(w.roi(n.money(v.cost), pct(v.roi.estimate), w.ci(pct(lower), pct(upper)), w.paid[paid]));
  }
  if (!v.window_complete) parts.push(w.interim);
  return parts.join(' ');
}

/** A p-value as the CLI writes it: 0.034, 0.0012, 3.1e-6. */
export function p(value: number | null): string {
  return textNumbers('en').p(value);
}

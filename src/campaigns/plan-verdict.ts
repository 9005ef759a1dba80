import type { CampaignPlan, PlanMetric } from './plan-campaign.js';
import { textNumbers, type Lang, type TextNumbers } from './text-numbers.js';

type Plan = Omit<CampaignPlan, 'verdict' | 'method'>;

/** Each sentence of the plan in each language; numbers are written with `n`, the language's. */
const WORDS: Record<
  Lang,
  {
    effect(metric: PlanMetric, absolute: string, relative: string | null): string;
    split(controls: string, targets: string): string;
    emptyGroup(customers: string, share: string): string;
    noBaseline(conversion: string | null, from: string, to: string): string;
    noVariance(from: string, to: string): string;
    undetectable(split: string): string;
    detectable(split: string, power: string, effect: string): string;
    smallerUnnoticed: string;
    need(effect: string, control: string, target: string, total: string): string;
    enough(need: string, customers: string): string;
    tooSmall(need: string, customers: string): string;
    method(metric: PlanMetric, alpha: string, power: string, ratio: string): string;
  }
> = {
  en: {
    effect: (metric, absolute, relative) =>
      `${metric === 'conversion' ? `+${absolute} points of conversion` : `+${absolute} of revenue per customer`}${relative === null ? '' : ` (${relative} % of the baseline)`}`,
    split: (controls, targets) => `${controls} control and ${targets} target customers`,
    emptyGroup: (customers, share) =>
      `With ${customers} customers and a ${share} % control share one group would be empty: the segment is too small to test.`,
    noBaseline: (conversion, from, to) =>
      `The segment's history gives no usable baseline (conversion ${conversion === null ? 'unknown' : `${conversion} %`} in ${from} … ${to}), so the sample size cannot be planned from it.`,
    noVariance: (from, to) =>
      `The segment's revenue did not vary in ${from} … ${to}, so the sample size cannot be planned from it.`,
    undetectable: (split) => `With ${split} even the largest possible effect would not be detected reliably.`,
    detectable: (split, power, effect) =>
      `With ${split} the smallest effect detected with ${power} % power at the 5 % level is ${effect}.`,
    smallerUnnoticed: 'Smaller effects would likely go unnoticed.',
    need: (effect, control, target, total) =>
      `To detect ${effect} you need ${control} control and ${target} target customers (${total} in all)`,
    enough: (need, customers) => `${need}; the segment has ${customers}, so it is large enough.`,
    tooSmall: (need, customers) =>
      `${need}; the segment has ${customers}, so it is too small for that effect.`,
    method: (metric, alpha, power, ratio) =>
      metric === 'conversion'
        ? `two-proportion z-test, two-sided at ${alpha}, power ${power}, ${ratio} targets per control (Fleiss, Levin & Paik 2003, ch. 4; R power.prop.test for equal groups)`
        : `two-sample t-test with the history's standard deviation, two-sided at ${alpha}, power ${power}, noncentral t (Cohen 1988; R power.t.test for equal groups)`,
  },
  ru: {
    effect: (metric, absolute, relative) =>
      `${metric === 'conversion' ? `+${absolute} п. п. конверсии` : `+${absolute} выручки на клиента`}${relative === null ? '' : ` (${relative} % от базового уровня)`}`,
    split: (controls, targets) => `разбиении «контроль ${controls} / цель ${targets}»`,
    emptyGroup: (customers, share) =>
      `Клиентов в сегменте: ${customers}; при доле контроля ${share} % одна из групп окажется пустой: сегмент слишком мал для теста.`,
    noBaseline: (conversion, from, to) =>
      `История сегмента не даёт пригодного базового уровня (конверсия ${conversion === null ? 'неизвестна' : `${conversion} %`} за ${from} … ${to}), поэтому размер выборки по ней не рассчитать.`,
    noVariance: (from, to) =>
      `Выручка сегмента не менялась за ${from} … ${to}, поэтому размер выборки по ней не рассчитать.`,
    undetectable: (split) => `При ${split} даже наибольший возможный эффект не будет надёжно обнаружен.`,
    detectable: (split, power, effect) =>
      `При ${split} наименьший эффект, который обнаруживается с мощностью ${power} % на уровне 5 %, — ${effect}.`,
    smallerUnnoticed: 'Меньшие эффекты, скорее всего, останутся незамеченными.',
    need: (effect, control, target, total) =>
      `Чтобы обнаружить ${effect}, нужно клиентов: ${control} в контрольной и ${target} в целевой группе (всего ${total})`,
    enough: (need, customers) => `${need}; в сегменте ${customers}, так что его хватает.`,
    tooSmall: (need, customers) =>
      `${need}; в сегменте ${customers}, так что для такого эффекта он слишком мал.`,
    method: (metric, alpha, power, ratio) =>
      metric === 'conversion'
        ? `z-критерий для двух долей, двусторонний на уровне ${alpha}, мощность ${power}, ${ratio} целевых на одного контрольного (Fleiss, Levin & Paik 2003, гл. 4; R power.prop.test для равных групп)`
        : `t-критерий для двух выборок со стандартным отклонением из истории, двусторонний на уровне ${alpha}, мощность ${power}, нецентральное t-распределение (Cohen 1988; R power.t.test для равных групп)`,
  },
};

/** How the sample size and the detectable effect are computed, in words. */
export function describePlanMethod(
  plan: Pick<Plan, 'metric' | 'alpha' | 'power' | 'control_share'>,
  lang: Lang = 'en',
): string {
  const n = textNumbers(lang);
  const ratio = (1 - plan.control_share) / plan.control_share;
  return WORDS[lang].method(plan.metric, n.plain(plan.alpha), n.plain(plan.power), n.fixed(ratio, 2));
}

/**
 * The plan in plain words: what the history says, what the split can detect, and whether the segment suffices;
 * in English (the CLI) or Russian.
 */
export function describePlanVerdict(plan: Plan, usable: boolean, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const n: TextNumbers = textNumbers(lang);
  const effect = (absolute: number, relative: number | null): string =>
    w.effect(
      plan.metric,
      plan.metric === 'conversion' ? n.fixed(100 * absolute, 2) : n.fixed(absolute, 2),
      relative === null ? null : n.fixed(100 * relative, 1),
    );
  const split = w.split(n.int(plan.controls), n.int(plan.targets));
  const { from, to } = plan.history;
  if (!usable) {
    if (plan.controls < 1 || plan.targets < 1)
      return w.emptyGroup(n.int(plan.customers), n.fixed(100 * plan.control_share, 0));
    return plan.metric === 'conversion'
      ? w.noBaseline(plan.baseline === null ? null : n.fixed(100 * plan.baseline, 1), from, to)
      : w.noVariance(from, to);
  }
  const detect =
    plan.detectable === null
      ? w.undetectable(split)
      : w.detectable(
          split,
          n.fixed(100 * plan.power, 0),
          effect(plan.detectable.absolute, plan.detectable.relative),
        );
  if (plan.mde === null || plan.sample_size === null) return `${detect} ${w.smallerUnnoticed}`;
  const need = w.need(
    effect(plan.mde.absolute, plan.mde.relative),
    n.int(plan.sample_size.control),
    n.int(plan.sample_size.treatment),
    n.int(plan.sample_size.total),
  );
  const customers = n.int(plan.customers);
  return `${plan.large_enough ? w.enough(need, customers) : w.tooSmall(need, customers)} ${detect}`;
}

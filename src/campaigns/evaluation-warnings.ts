import type { CampaignEvaluation } from '../stats/index.js';
import type { EmailFunnel } from './email-funnel.js';
import type { EvaluationWindow } from './evaluation-window.js';
import { textNumbers, type Lang } from './text-numbers.js';

type Window = Pick<
  EvaluationWindow,
  'complete' | 'sales_until' | 'last_day' | 'pre_period_observed' | 'pre_start'
>;
type SampleRatio = Pick<
  CampaignEvaluation['sampleRatio'],
  'mismatch' | 'observed' | 'expected' | 'chiSquare' | 'pValue'
>;

const ru = textNumbers('ru');

/** Each warning in each language, with the numbers already written in that language. */
const WORDS: Record<
  Lang,
  {
    incomplete(until: string, lastDay: string): string;
    noPrePeriod(preStart: string): string;
    mismatch(s: SampleRatio): string;
    leaked(contacted: number): string;
  }
> = {
  en: {
    incomplete: (until, lastDay) =>
      `Sales are loaded up to ${until}, before the window's last day ${lastDay}: purchases after ${until} are not counted yet.`,
    noPrePeriod: (preStart) =>
      `The sales do not reach back to the pre-period's first day ${preStart}, so there is no CUPED or difference-in-differences adjustment.`,
    mismatch: (s) =>
      `Sample-ratio mismatch: ${s.observed.join(' / ')} members against the planned ${s.expected.map((x) => x.toFixed(0)).join(' / ')} (χ² = ${s.chiSquare.toFixed(2)}, p = ${s.pValue.toExponential(1)}).`,
    leaked: (n) =>
      `The contact log shows ${n} control-group ${n === 1 ? 'member' : 'members'} as contacted: the control group leaked, which biases the effect toward zero.`,
  },
  ru: {
    incomplete: (until, lastDay) =>
      `Продажи загружены по ${until}, а последний день окна — ${lastDay}: покупки после ${until} ещё не учтены.`,
    noPrePeriod: (preStart) =>
      `Продажи не доходят до первого дня предпериода ${preStart}, поэтому поправок CUPED и «разность разностей» нет.`,
    mismatch: (s) =>
      `Расхождение размеров групп: ${s.observed.map((x) => ru.int(x)).join(' / ')} участников против запланированных ${s.expected.map((x) => ru.fixed(x, 0)).join(' / ')} (χ² = ${ru.fixed(s.chiSquare, 2)}, p = ${ru.p(s.pValue)}).`,
    leaked: (n) =>
      `В журнале контактов участники контрольной группы отмечены как получившие контакт (${n}): контрольная группа «протекла», и эффект смещён к нулю.`,
  },
};

/** What makes the evaluation incomplete or suspect, in sentences, in English (the CLI) or Russian. */
export function warnings(
  window: Window,
  sampleRatio: SampleRatio,
  funnel: Pick<EmailFunnel, 'control_contacted'> | null,
  lang: Lang = 'en',
): string[] {
  const w = WORDS[lang];
  const out: string[] = [];
  if (!window.complete) out.push(w.incomplete(window.sales_until, window.last_day));
  if (!window.pre_period_observed) out.push(w.noPrePeriod(window.pre_start));
  if (sampleRatio.mismatch) out.push(w.mismatch(sampleRatio));
  if (funnel !== null && funnel.control_contacted > 0) out.push(w.leaked(funnel.control_contacted));
  return out;
}

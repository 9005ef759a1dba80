import type { CampaignEvaluationReport } from './evaluate-stored-campaign.js';
import { warnings } from './evaluation-warnings.js';
import type { StageTransitions } from './stage-transitions.js';
import type { Lang } from './text-numbers.js';
import { transitionsReason } from './transitions-reason.js';
import { verdict } from './verdict.js';

type Texts = Pick<
  CampaignEvaluationReport,
  'campaign' | 'summary' | 'window' | 'evaluation' | 'funnel' | 'warnings' | 'transitions'
>;

/**
 * An evaluation with its verdict, warnings and the reason stage moves are missing written in `lang`. The report is made and stored in English (the
 * CLI's language); every text is written again from its figures, so a stored one reads in Russian too.
 */
export function evaluationInLanguage<R extends Texts>(report: R, lang: Lang): R {
  if (lang === 'en') return report;
  const { summary, window } = report;
  return {
    ...report,
    summary: { ...summary, verdict: verdict({ ...summary, window_complete: window.complete }, lang) },
    warnings: warnings(window, report.evaluation.sampleRatio, report.funnel, lang),
    transitions: transitionsInLanguage(report.transitions, report.campaign.as_of, lang),
  };
}

/** The reason stage moves are missing in `lang`; a report stored before reasons had a code keeps its text. */
function transitionsInLanguage(t: StageTransitions, asOf: string, lang: Lang): StageTransitions {
  if (t.available || t.gap === undefined) return t;
  return { ...t, reason: transitionsReason(t.gap, asOf, lang) };
}

import type { CampaignPlan } from '../../api/types-campaigns.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { KeyFigure } from '../../components/KeyFigure.js';

/** A campaign plan: the split, the baseline from the segment's own history, what it can detect, the verdict. */
export function CampaignPlanView({ plan }: { plan: CampaignPlan }) {
  const i18n = useI18n();
  const { t, value, date } = i18n;
  const { help } = useCatalogue();
  const conversion = plan.metric === 'conversion';
  const effect = (absolute: number, relative: number | null) => {
    const main = conversion
      ? t('campaigns.plan.points', { value: i18n.num(100 * absolute, { maximumFractionDigits: 2 }) })
      : value(absolute, 'currency');
    return relative === null
      ? main
      : `${main} (${t('campaigns.plan.relative', { value: value(relative, 'ratio') })})`;
  };
  const h = plan.history;
  return (
    <section className="campaign-plan" aria-label={t('campaigns.plan.title')}>
      <h3>{t('campaigns.plan.title')}</h3>
      <p className="subtitle">{t('campaigns.plan.asOf', { date: date(plan.as_of) })}</p>
      <div className="figures">
        <KeyFigure
          label={t('campaigns.plan.customers')}
          value={value(plan.customers, 'count')}
          help={help('campaigns.plan.customers')}
        />
        <KeyFigure
          label={t('campaigns.plan.targets')}
          value={value(plan.targets, 'count')}
          help={help('campaigns.plan.targets')}
        />
        <KeyFigure
          label={t('campaigns.plan.controls')}
          value={value(plan.controls, 'count')}
          note={value(plan.control_share, 'ratio')}
          help={help('campaigns.plan.controls')}
        />
        <KeyFigure
          label={t(conversion ? 'campaigns.plan.baseline.conversion' : 'campaigns.plan.baseline.revenue')}
          value={value(plan.baseline, conversion ? 'ratio' : 'currency')}
          note={t('campaigns.plan.history', { from: date(h.from), to: date(h.to) })}
          help={`${help(conversion ? 'campaigns.plan.baseline.conversion' : 'campaigns.plan.baseline.revenue')} ${h.basis}.`}
        />
        <KeyFigure
          label={t('campaigns.plan.detectable')}
          value={plan.detectable ? effect(plan.detectable.absolute, plan.detectable.relative) : '—'}
          note={t('campaigns.plan.power', { power: value(plan.power, 'ratio') })}
          help={`${help('campaigns.plan.detectable')} ${plan.method}.`}
        />
        {plan.mde && (
          <KeyFigure
            label={t('campaigns.plan.sampleSize')}
            value={plan.sample_size ? value(plan.sample_size.total, 'count') : '—'}
            note={
              plan.sample_size
                ? `${t('campaigns.plan.sampleSizeNote', {
                    control: value(plan.sample_size.control, 'count'),
                    target: value(plan.sample_size.treatment, 'count'),
                    effect: effect(plan.mde.absolute, plan.mde.relative),
                  })} · ${t(plan.large_enough ? 'campaigns.plan.largeEnough' : 'campaigns.plan.tooSmall')}`
                : undefined
            }
            help={`${help('campaigns.plan.sampleSize')} ${plan.method}.`}
          />
        )}
      </div>
      <p className="campaign-verdict">{plan.verdict}</p>
    </section>
  );
}

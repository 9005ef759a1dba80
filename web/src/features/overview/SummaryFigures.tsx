import type { Month, Summary } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n, type I18n } from '../../i18n/i18n.js';
import { Help } from '../../components/Help.js';
import { KeyFigure } from '../../components/KeyFigure.js';

function share(part: number, whole: number, i18n: I18n): string {
  return whole > 0 ? i18n.num(part / whole, { style: 'percent', maximumFractionDigits: 1 }) : '—';
}

function change(now: number, before: number, i18n: I18n): string {
  if (before === 0) return '—';
  const ratio = now / before - 1;
  return `${ratio > 0 ? '+' : ''}${i18n.num(ratio, { style: 'percent', maximumFractionDigits: 1 })}`;
}

/** The profile summary's key figures, and the as-of month against the month before. */
export function SummaryFigures({ summary: s, months }: { summary: Summary; months: Month[] }) {
  const i18n = useI18n();
  const { t, value, date } = i18n;
  const { help } = useCatalogue();
  const last = months.at(-1);
  const prev = months.at(-2);
  const vs =
    last && prev
      ? t('overview.change', {
          month: formatMonth(last.month, i18n.lang),
          prev: formatMonth(prev.month, i18n.lang),
        })
      : undefined;
  const trend = (pick: (m: Month) => number) =>
    last && prev ? (
      <span>
        {change(pick(last), pick(prev), i18n)} · {vs}
        <Help text={help('change')} />
      </span>
    ) : undefined;
  return (
    <>
      <p className="subtitle">{t('overview.asOf', { date: date(s.as_of) })}</p>
      <div className="figures">
        <KeyFigure
          label={t('summary.customers')}
          value={value(s.customers, 'count')}
          help={help('summary.customers')}
        />
        <KeyFigure
          label={t('summary.revenue')}
          value={value(s.revenue, 'currency')}
          help={help('summary.revenue')}
          note={trend((m) => m.revenue)}
        />
        <KeyFigure
          label={t('summary.orders')}
          value={value(s.orders, 'count')}
          help={help('summary.orders')}
          note={trend((m) => m.orders)}
        />
        <KeyFigure
          label={t('summary.mean_aov')}
          value={value(s.mean_aov, 'currency')}
          help={help('summary.mean_aov')}
        />
        <KeyFigure
          label={t('summary.repeat_customers')}
          value={value(s.repeat_customers, 'count')}
          note={share(s.repeat_customers, s.customers, i18n)}
          help={help('summary.repeat_customers')}
        />
        <KeyFigure
          label={t('summary.active_90d')}
          value={value(s.active_90d, 'count')}
          note={share(s.active_90d, s.customers, i18n)}
          help={help('summary.active_90d')}
        />
        <KeyFigure
          label={t('monthly.active_customers')}
          value={last ? value(last.active_customers, 'count') : '—'}
          note={trend((m) => m.active_customers)}
          help={help('monthly.active_customers')}
        />
        <KeyFigure
          label={t('monthly.new_customers')}
          value={last ? value(last.new_customers, 'count') : '—'}
          note={trend((m) => m.new_customers)}
          help={help('monthly.new_customers')}
        />
        <KeyFigure
          label={t('summary.gross_revenue')}
          value={value(s.gross_revenue, 'currency')}
          help={help('summary.gross_revenue')}
        />
        <KeyFigure
          label={t('summary.returns')}
          value={value(s.returns, 'currency')}
          help={help('summary.returns')}
        />
        <KeyFigure
          label={t('summary.median_orders')}
          value={value(s.median_orders, 'count')}
          help={help('summary.median_orders')}
        />
        <KeyFigure
          label={t('summary.median_recency_days')}
          value={value(s.median_recency_days, 'days')}
          help={help('summary.median_recency_days')}
        />
      </div>
    </>
  );
}

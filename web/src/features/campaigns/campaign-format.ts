import { HELP, type HelpKey } from '../../i18n/help.js';
import type { I18n } from '../../i18n/i18n.js';
import { EN, type MessageKey } from '../../i18n/strings.js';

/** How a campaign figure reads: counts, money, shares, or differences of shares in percentage points. */
export type CampaignUnit = 'count' | 'currency' | 'ratio' | 'points' | 'decimal';

/** The unit of each row of the results table (`measure` from the API). */
export const MEASURE_UNITS: Record<string, { arms: CampaignUnit; effect: CampaignUnit }> = {
  customers: { arms: 'count', effect: 'count' },
  buyers: { arms: 'count', effect: 'count' },
  conversion_rate: { arms: 'ratio', effect: 'points' },
  conversion_lift: { arms: 'ratio', effect: 'ratio' },
  incremental_buyers: { arms: 'count', effect: 'decimal' },
  revenue: { arms: 'currency', effect: 'currency' },
  revenue_per_customer: { arms: 'currency', effect: 'currency' },
  revenue_per_customer_bootstrap: { arms: 'currency', effect: 'currency' },
  revenue_per_customer_did: { arms: 'currency', effect: 'currency' },
  revenue_lift: { arms: 'ratio', effect: 'ratio' },
  incremental_revenue: { arms: 'currency', effect: 'currency' },
  incremental_revenue_cuped: { arms: 'currency', effect: 'currency' },
  cost: { arms: 'currency', effect: 'currency' },
  roi: { arms: 'ratio', effect: 'ratio' },
};

/** A figure in its unit; `signed` puts a + before positive effects. */
export function formatFigure(
  i18n: I18n,
  x: number | null | undefined,
  unit: CampaignUnit,
  signed = false,
): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const sign = signed && x > 0 ? '+' : '';
  switch (unit) {
    case 'points':
      return `${sign}${i18n.t('campaigns.plan.points', { value: i18n.num(100 * x, { maximumFractionDigits: 2 }) })}`;
    case 'decimal':
      return `${sign}${i18n.num(x, { maximumFractionDigits: 1 })}`;
    default:
      return `${sign}${i18n.value(x, unit)}`;
  }
}

/** A p-value as statisticians write it: 0.034, 0.0012, 3.1e-6. */
export function formatP(i18n: I18n, p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  if (p < 1e-4) return i18n.num(p, { notation: 'scientific', maximumFractionDigits: 1 });
  return i18n.num(p, { maximumFractionDigits: p < 0.01 ? 4 : 3 });
}

/** The label and (?) key of a figure named by the API, when the app knows it (null for a figure it does not). */
export function measureKeys(measure: string): { label: MessageKey; help: HelpKey } | null {
  const key = `campaign.measure.${measure}`;
  return key in EN && key in HELP ? { label: key as MessageKey, help: key as HelpKey } : null;
}

const STAGES = ['new', 'one_time', 'active', 'falling_asleep', 'asleep', 'restored', 'lost'];

/** A lifecycle stage code in the current language; any other value as it is (a dash when empty). */
export function stageLabel(i18n: I18n, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  return STAGES.includes(text) ? i18n.t(`campaign.stage.${text}` as MessageKey) : text;
}

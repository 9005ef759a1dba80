import { useI18n } from '../../i18n/i18n.js';
import { HistoryChoice } from './HistoryChoice.js';

export type Measure = 'customers' | 'revenue';

/** Customers or revenue: what the charts and tables of the structure and flows pages show. */
export function HistoryMeasure({ value, onChange }: { value: Measure; onChange(value: Measure): void }) {
  const { t } = useI18n();
  return (
    <HistoryChoice
      label={t('history.show')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'customers', label: t('history.customers') },
        { value: 'revenue', label: t('history.revenue') },
      ]}
    />
  );
}

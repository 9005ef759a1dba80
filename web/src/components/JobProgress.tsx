import type { JobProgressState } from '../api/types.js';
import { formatBytes, formatDuration } from '../i18n/numbers-dates.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/strings.js';
import { ProgressBar } from './ProgressBar.js';

const UNITS: Partial<Record<NonNullable<JobProgressState['unit']>, MessageKey>> = {
  rows: 'progress.unit.rows',
  customers: 'progress.unit.customers',
  partitions: 'progress.unit.partitions',
  snapshots: 'progress.unit.snapshots',
  months: 'progress.unit.months',
};

/**
 * A background job's progress as the API reports it: `label` names the phase; below the bar, what is done of
 * what (in the phase's unit), the time elapsed and the estimated time left.
 */
export function JobProgress({ label, progress }: { label: string; progress: JobProgressState }) {
  const { t, num, lang } = useI18n();
  const { done, total, unit, elapsed_s, eta_s } = progress;
  const details: string[] = [];
  const unitKey = unit && UNITS[unit];
  if (unit === 'bytes') {
    details.push(t('progress.bytes', { done: formatBytes(done, lang), total: formatBytes(total, lang) }));
  } else if (unitKey) {
    details.push(t('progress.count', { done: num(done), total: num(total), unit: t(unitKey) }));
  }
  if (elapsed_s !== undefined) details.push(t('progress.elapsed', { time: formatDuration(elapsed_s) }));
  if (eta_s !== undefined && done < total) details.push(t('progress.left', { time: formatDuration(eta_s) }));
  return (
    <ProgressBar
      label={label}
      fraction={total > 0 ? done / total : 0}
      {...(details.length ? { detail: details.join(' · ') } : {})}
    />
  );
}

import type { LoadReport } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { REASONS } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Panel } from '../../components/Panel.js';
import { RejectsTable } from './RejectsTable.js';

const COUNTS = [
  'rows_read',
  'rows_accepted',
  'rows_rejected',
  'rows_anonymous',
  'rows_returns',
  'duplicate_lines',
  'customers',
] as const;

/** A load's report: rows read = accepted + rejected, what was flagged, the mapping used, and the rejects. */
export function LoadReportView({ report }: { report: LoadReport }) {
  const { t, value, date, lang } = useI18n();
  const { help } = useCatalogue();
  const counts = COUNTS.filter(
    (k) => report.kind === 'sales' || !['rows_anonymous', 'rows_returns', 'customers'].includes(k),
  );
  const reasons = Object.entries(report.rejects).map(([reason, s]) => ({
    reason,
    count: s.count,
    first_lines: s.first_lines.join(', ') + (s.count > s.first_lines.length ? ', …' : ''),
    example: s.example,
  }));
  const reasonColumns: Column[] = [
    {
      key: 'reason',
      label: t('reasons.reason'),
      help: help('reasons.reason'),
      render: (v) => `${REASONS[String(v)]?.[lang] ?? String(v)} (${String(v)})`,
    },
    {
      key: 'count',
      label: t('reasons.count'),
      help: help('reasons.count'),
      numeric: true,
      render: (v) => value(v, 'count'),
    },
    { key: 'first_lines', label: t('reasons.first_lines'), help: help('reasons.first_lines') },
    { key: 'example', label: t('reasons.example'), help: help('reasons.example') },
  ];
  return (
    <div className="report">
      <Panel title={t('report.title', { id: report.load_id, file: report.file })}>
        {report.already_loaded && <p className="notice">{t('report.already', { id: report.load_id })}</p>}
        <div className="figures">
          {counts.map((k) => (
            <KeyFigure
              key={k}
              label={t(`report.${k}`)}
              value={value(report[k], 'count')}
              help={help(`report.${k}`)}
            />
          ))}
          {report.date_min && (
            <KeyFigure
              label={t('report.date_min')}
              value={date(report.date_min)}
              help={help('report.date_min')}
            />
          )}
          {report.date_max && (
            <KeyFigure
              label={t('report.date_max')}
              value={date(report.date_max)}
              help={help('report.date_max')}
            />
          )}
        </div>
        <p className="muted">
          {t('report.mapping')}:{' '}
          {Object.entries(report.mapping)
            .map(([field, column]) => `${field} ← ${column}`)
            .join(', ')}
        </p>
        {report.warnings.length > 0 && (
          <div className="warnings">
            <h3>{t('report.warnings')}</h3>
            <ul>
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        {reasons.length > 0 && (
          <>
            <h3>{t('report.rejects')}</h3>
            <DataTable columns={reasonColumns} rows={reasons} label={t('report.rejects')} />
          </>
        )}
      </Panel>
      {report.rows_rejected > 0 && <RejectsTable loadId={report.load_id} />}
    </div>
  );
}

import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { Label, TriggerPage } from '../../api/types-history.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { labelName } from '../../history-labels.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { metricColumn } from '../../profile-columns.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import type { Move } from './FlowMatrix.js';
import { HistoryChoice } from './HistoryChoice.js';
import { Pager } from '../../components/Pager.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const PAGE = 50;
const METRICS_BEFORE = ['customer_id'];
const METRICS_AFTER = ['orders', 'revenue', 'recency_days', 'rhythm_days', 'days_overdue', 'rfm_segment'];
const CONTACTS = ['name', 'email', 'phone'] as const;

/**
 * The customers who moved from one stage to another between two snapshots (a clicked matrix cell, or two
 * chosen stages), paged, each linking to their card, with the whole list one click away for the CRM.
 */
export function TriggerList({
  stages,
  fromMonth,
  toMonth,
  move,
  onChange,
}: {
  stages: Label[];
  fromMonth: string;
  toMonth: string;
  move: Partial<Move>;
  onChange(move: Partial<Move>): void;
}) {
  const i18n = useI18n();
  const { t, lang, num } = i18n;
  const catalogue = useCatalogue();
  const chosen = move.from !== undefined && move.to !== undefined;
  const params = chosen
    ? { from_stage: move.from, to_stage: move.to, from: fromMonth, as_of: toMonth }
    : undefined;
  // A page offset belongs to one list: another move or other months start again from the first page.
  const listKey = JSON.stringify(params ?? null);
  const [paging, setPaging] = useState({ key: listKey, offset: 0 });
  const offset = paging.key === listKey ? paging.offset : 0;
  const list = useApi<TriggerPage>(
    params ? apiUrl('/api/triggers', { ...params, limit: PAGE, offset }) : null,
  );
  const stageOptions = [
    { value: '', label: t('triggers.choose'), disabled: true },
    ...stages.map((s) => ({ value: s.id, label: labelName(stages, s.id, lang) })),
  ];
  const columns: Column[] = [
    ...METRICS_BEFORE.map((id) => metricColumn(id, catalogue, i18n)),
    ...CONTACTS.map((key) => ({ key, label: t(`triggers.${key}`), help: catalogue.help(`attr.${key}`) })),
    ...METRICS_AFTER.map((id) => metricColumn(id, catalogue, i18n)),
    {
      key: 'period_revenue',
      label: t('triggers.period_revenue', { month: formatMonth(toMonth, lang) }),
      help: catalogue.help('triggers.period_revenue'),
      numeric: true,
      render: (v) => i18n.value(v, 'currency'),
    },
  ];
  const file = (format: 'csv' | 'xlsx') => apiUrl('/api/triggers', { ...params, format });
  return (
    <Panel title={t('triggers.title')} help={catalogue.help('triggers.list')}>
      <div className="toolbar">
        <HistoryChoice
          label={t('triggers.fromStage')}
          value={move.from ?? ''}
          options={stageOptions}
          onChange={(from) => onChange({ ...move, from })}
        />
        <HistoryChoice
          label={t('triggers.toStage')}
          value={move.to ?? ''}
          options={stageOptions}
          onChange={(to) => onChange({ ...move, to })}
        />
        {chosen && (
          <>
            <a className="button" href={file('csv')} download>
              {t('triggers.export')} · {t('common.csv')}
            </a>
            <a href={file('xlsx')} download>
              {t('triggers.export')} · {t('common.xlsx')}
            </a>
          </>
        )}
      </div>
      {!chosen && <p className="muted">{t('triggers.pick')}</p>}
      {list.error && <ErrorMessage message={list.error} status={list.status} onRetry={list.reload} />}
      {chosen && !list.data && !list.error && <Loading />}
      {chosen && list.data && (
        <>
          <p className="count">
            {t('triggers.count', {
              total: num(list.data.total),
              from: labelName(stages, list.data.from_stage, lang),
              to: labelName(stages, list.data.to_stage, lang),
              fromMonth: formatMonth(list.data.from_month ?? '', lang),
              toMonth: formatMonth(list.data.to_month, lang),
            })}
          </p>
          <DataTable
            columns={columns}
            rows={list.data.rows}
            rowLink={(row) => `/customers/${encodeURIComponent(String(row['customer_id']))}`}
            label={t('triggers.title')}
          />
          <Pager
            offset={offset}
            limit={PAGE}
            total={list.data.total}
            onChange={(o) => setPaging({ key: listKey, offset: o })}
          />
        </>
      )}
    </Panel>
  );
}

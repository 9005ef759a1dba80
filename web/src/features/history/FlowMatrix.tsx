import type { ReactNode } from 'react';
import { apiUrl } from '../../api/client.js';
import type { FlowRow, Flows } from '../../api/types-history.js';
import { useCatalogue } from '../../catalogue.js';
import { labelName } from '../../history-labels.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Help } from '../../components/Help.js';
import type { Measure } from './HistoryMeasure.js';
import { Panel } from '../../components/Panel.js';

/** A move between two stages: the cell of the matrix its customers are counted in. */
export interface Move {
  from: string;
  to: string;
}

const ENTERED = '';
const TOTAL = '\u0000total';

/**
 * The transition matrix: rows are the earlier month's stages (and the customers who were not customers yet),
 * columns the later month's. With `onSelect` a stage-to-stage cell is a button that lists its customers.
 */
export function FlowMatrix({
  data,
  measure,
  selected,
  onSelect,
}: {
  data: Flows;
  measure: Measure;
  selected?: Move;
  onSelect?: (move: Move) => void;
}) {
  const { t, lang, value } = useI18n();
  const { help } = useCatalogue();
  const cells = new Map(data.matrix.map((r) => [`${r.from_stage ?? ENTERED}|${r.to_stage}`, r]));
  const has = (side: 'from_stage' | 'to_stage', id: string) => data.matrix.some((r) => r[side] === id);
  const rowKeys = [
    ...(data.matrix.some((r) => r.from_stage === null) ? [ENTERED] : []),
    ...data.labels.map((l) => l.id).filter((id) => has('from_stage', id)),
  ];
  const colKeys = data.labels.map((l) => l.id).filter((id) => has('to_stage', id));
  const sum = (rows: FlowRow[]) => rows.reduce((a, r) => a + r[measure], 0);
  const rowName = (key: string) => (key === ENTERED ? t('flows.entered') : labelName(data.labels, key, lang));
  const unit = measure === 'customers' ? 'count' : 'currency';
  const clickable = (row: string, col: string) =>
    onSelect !== undefined &&
    row !== ENTERED &&
    row !== TOTAL &&
    (cells.get(`${row}|${col}`)?.customers ?? 0) > 0;

  const cell = (row: string, col: string): ReactNode => {
    const v =
      row === TOTAL
        ? sum(data.matrix.filter((r) => r.to_stage === col))
        : (cells.get(`${row}|${col}`)?.[measure] ?? 0);
    const text = value(v, unit);
    if (!clickable(row, col)) return text;
    const isSelected = selected?.from === row && selected.to === col;
    return (
      <button
        type="button"
        className="link-button"
        aria-pressed={isSelected}
        aria-label={t('flows.cell', { from: rowName(row), to: rowName(col), value: text })}
        style={isSelected ? { fontWeight: 700, background: 'var(--accent-soft)' } : undefined}
        onClick={() => onSelect?.({ from: row, to: col })}
      >
        {text}
      </button>
    );
  };

  const columns: Column[] = [
    {
      key: 'row',
      label: t('flows.corner', { from: formatMonth(data.from, lang), to: formatMonth(data.to, lang) }),
      help: help('flows.matrix'),
      render: (_, row) => {
        const key = String(row['row']);
        if (key === TOTAL) return <strong>{t('history.total')}</strong>;
        if (key !== ENTERED) return rowName(key);
        return (
          <>
            {rowName(key)}
            <Help text={help('flows.entered')} />
          </>
        );
      },
    },
    ...colKeys.map((col) => ({
      key: col,
      label: rowName(col),
      help: `${rowName(col)}: ${help(data.by === 'stage' ? 'flows.stage' : 'flows.segment')}`,
      numeric: true,
      render: (_: unknown, row: Record<string, unknown>) => cell(String(row['row']), col),
    })),
    {
      key: 'total',
      label: t('history.total'),
      help: help('flows.total'),
      numeric: true,
      render: (v) => value(v, unit),
    },
  ];
  const rows = [...rowKeys, TOTAL].map((row) => ({
    row,
    total:
      row === TOTAL ? sum(data.matrix) : sum(data.matrix.filter((r) => (r.from_stage ?? ENTERED) === row)),
  }));
  const title = t('flows.matrix', { from: formatMonth(data.from, lang), to: formatMonth(data.to, lang) });
  return (
    <Panel
      title={title}
      actions={<Downloads url={apiUrl('/api/flows', { from: data.from, to: data.to, by: data.by })} />}
    >
      <p className="muted">{t(onSelect ? 'flows.clickHint' : 'flows.rfmHint')}</p>
      <DataTable columns={columns} rows={rows} label={title} />
    </Panel>
  );
}

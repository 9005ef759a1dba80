import type { ReactNode } from 'react';
import type { Row } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate } from '../router.js';
import { Help } from './Help.js';

export interface Column {
  key: string;
  label: string;
  /** The (?) text: how the column is computed. */
  help: string;
  numeric?: boolean;
  render?: (value: unknown, row: Row) => ReactNode;
}

export interface Sort {
  key: string;
  order: 'asc' | 'desc';
}

/**
 * A table whose every column carries its (?) help. With `onSort` the headers sort (server-side); with `rowLink`
 * the first cell links to the row's page and the whole row is clickable.
 */
export function DataTable({
  columns,
  rows,
  sort,
  onSort,
  rowLink,
  onRowClick,
  label,
  tall,
}: {
  columns: Column[];
  rows: Row[];
  sort?: Sort;
  onSort?: (key: string) => void;
  rowLink?: (row: Row) => string;
  onRowClick?: (row: Row) => void;
  label: string;
  /** Scroll inside a box of limited height (long tables without paging). */
  tall?: boolean;
}) {
  const { t } = useI18n();
  const clickable = rowLink !== undefined || onRowClick !== undefined;
  return (
    <div className={tall ? 'table-wrap tall' : 'table-wrap'}>
      <table className={clickable ? 'data clickable' : 'data'} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => {
              const sorted = sort?.key === c.key ? sort.order : undefined;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {onSort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                      {c.label}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                  <Help text={c.help} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty-row">
                {t('common.noRows')}
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <tr
              key={i}
              onClick={
                rowLink ? () => navigate(rowLink(row)) : onRowClick ? () => onRowClick(row) : undefined
              }
            >
              {columns.map((c, j) => {
                const content = c.render ? c.render(row[c.key], row) : String(row[c.key] ?? '—');
                return (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {j === 0 && rowLink ? (
                      <span onClick={(e) => e.stopPropagation()}>
                        <Link to={rowLink(row)}>{content}</Link>
                      </span>
                    ) : (
                      content
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

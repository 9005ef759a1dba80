import type { MatrixCell } from '../../api/types-segments.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { Help } from '../../components/Help.js';

const ABC = ['A', 'B', 'C'] as const;
const XYZ = ['X', 'Y', 'Z', null] as const;

export interface MatrixPick {
  abc: string;
  /** `none`: no XYZ class. */
  xyz: string;
}

/**
 * The 9-cell ABC × XYZ matrix (plus a column for members without an XYZ class) as a table: each cell holds its
 * members and their share of revenue, shaded by that share. With `onPick` a cell is a button that picks it.
 */
export function AbcXyzMatrix({
  cells,
  label,
  noun,
  picked,
  onPick,
}: {
  cells: MatrixCell[];
  label: string;
  noun: string;
  picked?: MatrixPick;
  onPick?: (pick: MatrixPick) => void;
}) {
  const { t, num } = useI18n();
  const { help } = useCatalogue();
  const pct = (v: number | null) =>
    v === null ? '—' : num(v, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div className="table-wrap">
      <table className="data matrix" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">
              ABC \ XYZ
              <Help text={help('products.matrix')} />
            </th>
            {XYZ.map((x) => (
              <th key={x ?? 'none'} scope="col" className="num">
                {x ?? '—'}
                <Help text={help(x === null ? 'products.xyzNone' : `products.xyz${x}`)} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ABC.map((a) => (
            <tr key={a}>
              <th scope="row">
                {a}
                <Help text={help(`products.abc${a}`)} />
              </th>
              {XYZ.map((x) => {
                const cell = cells.find((c) => c.abc === a && c.xyz === x);
                const share = cell?.revenue_share ?? 0;
                const xyz = x ?? 'none';
                const isPicked = picked?.abc === a && picked.xyz === xyz;
                const content = (
                  <>
                    <strong>{num(cell?.count ?? 0)}</strong>
                    {cell && (
                      <>
                        <br />
                        <span className="muted">
                          {t('matrix.revenueShare', { share: pct(cell.revenue_share) })}
                        </span>
                      </>
                    )}
                  </>
                );
                return (
                  <td
                    key={xyz}
                    className="num"
                    style={{
                      background: `rgba(47, 95, 143, ${(0.06 + 0.4 * Math.sqrt(share)).toFixed(3)})`,
                      outline: isPicked ? '2px solid #1f2933' : undefined,
                    }}
                  >
                    {onPick && cell ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={isPicked}
                        aria-label={t('matrix.pick', {
                          cell: `${a}${x ?? '—'}`,
                          count: num(cell.count),
                          noun,
                        })}
                        onClick={() => onPick({ abc: a, xyz })}
                      >
                        {content}
                      </button>
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

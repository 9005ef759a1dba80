import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { ProductsAnswer } from '../../api/types-segments.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { AbcXyzMatrix, type MatrixPick } from './AbcXyzMatrix.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Pager } from '../../components/Pager.js';
import { Panel } from '../../components/Panel.js';
import { ParetoChart } from './ParetoChart.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { formatMonth, type Unit } from '../../i18n/numbers-dates.js';
import type { HelpKey } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';

const PAGE = 50;

const PRODUCT_COLUMNS: { key: string; unit: Unit; numeric?: boolean }[] = [
  { key: 'rank', unit: 'count', numeric: true },
  { key: 'sku', unit: 'id' },
  { key: 'name', unit: 'text' },
  { key: 'category', unit: 'text' },
  { key: 'revenue', unit: 'currency', numeric: true },
  { key: 'quantity', unit: 'items', numeric: true },
  { key: 'months_sold', unit: 'count', numeric: true },
  { key: 'abc', unit: 'text' },
  { key: 'cv', unit: 'ratio', numeric: true },
  { key: 'xyz', unit: 'text' },
];

/**
 * Products over the 12 months to the as-of date: the ABC-XYZ matrix of products (a cell filters the table) and of
 * customers, the Pareto curve, and the product table, paged and downloadable.
 */
export function Products() {
  const i18n = useI18n();
  const { t, value, date, lang } = i18n;
  const { help } = useCatalogue();
  const { asOf } = useAsOf();
  const [offset, setOffset] = useState(0);
  const [pick, setPick] = useState<MatrixPick>();
  const filter = { as_of: asOf, abc: pick?.abc, xyz: pick?.xyz };
  const answer = useApi<ProductsAnswer>(apiUrl('/api/products', { ...filter, limit: PAGE, offset }));
  const choose = (next: MatrixPick | undefined) => {
    setPick(next);
    setOffset(0);
  };
  const columns: Column[] = PRODUCT_COLUMNS.map((c) => ({
    key: c.key,
    label: t(`products.col.${c.key}` as MessageKey),
    help: help(`products.col.${c.key}` as HelpKey),
    numeric: c.numeric,
    render: (v) => value(v, c.unit),
  }));
  const body = () => {
    if (answer.error)
      return <ErrorMessage message={answer.error} status={answer.status} onRetry={answer.reload} />;
    if (!answer.data) return <Loading />;
    const a = answer.data;
    const classA = a.matrix.filter((c) => c.abc === 'A');
    const aCount = classA.reduce((s, c) => s + c.count, 0);
    const aRevenue = classA.reduce((s, c) => s + (c.revenue_share ?? 0), 0);
    return (
      <>
        <p className="subtitle">
          {t('products.window', { from: formatMonth(a.from_month, lang), to: date(a.as_of) })}
        </p>
        <div className="figures">
          <KeyFigure
            label={t('products.skus')}
            value={value(a.products, 'count')}
            help={help('products.skus')}
          />
          <KeyFigure
            label={t('products.revenue')}
            value={value(a.revenue, 'currency')}
            help={help('products.col.revenue')}
          />
          <KeyFigure
            label={t('products.classA')}
            value={value(aCount, 'count')}
            note={t('products.classANote', {
              skus: value(a.products > 0 ? aCount / a.products : null, 'ratio'),
              revenue: value(aRevenue, 'ratio'),
            })}
            help={help('products.abcA')}
          />
        </div>
        {a.products === 0 && <p role="status">{t('products.none')}</p>}
        <div className="charts">
          {a.products > 0 && (
            <Panel
              title={t('products.matrix')}
              help={help('products.matrix')}
              actions={<Downloads url={apiUrl('/api/products', { as_of: asOf, table: 'matrix' })} />}
            >
              <AbcXyzMatrix
                cells={a.matrix}
                label={t('products.matrix')}
                noun={t('products.noun')}
                picked={pick}
                onPick={(p) => choose(pick?.abc === p.abc && pick.xyz === p.xyz ? undefined : p)}
              />
              <p className="muted">{t('products.pickCell')}</p>
            </Panel>
          )}
          <Panel
            title={t('products.customerMatrix')}
            help={help('products.customerMatrix')}
            actions={
              a.customers ? (
                <Downloads url={apiUrl('/api/products', { as_of: asOf, table: 'customer_matrix' })} />
              ) : undefined
            }
          >
            {a.customers ? (
              <>
                <AbcXyzMatrix
                  cells={a.customers.matrix}
                  label={t('products.customerMatrix')}
                  noun={t('products.customersNoun')}
                />
                <p className="muted">{t('products.customersAsOf', { date: date(a.customers.as_of) })}</p>
              </>
            ) : (
              <p className="muted" role="status">
                {a.customers_error}
              </p>
            )}
          </Panel>
        </div>
        {a.products > 0 && (
          <>
            <Panel title={t('products.pareto')} help={help('products.pareto')}>
              <ParetoChart answer={a} label={t('products.pareto')} />
            </Panel>
            <Panel
              title={t('products.table')}
              help={help('products.table')}
              actions={<Downloads url={apiUrl('/api/products', filter)} />}
            >
              <div className="toolbar">
                <span className="count">
                  {pick
                    ? t('products.filtered', {
                        cell: `${pick.abc}${pick.xyz === 'none' ? '—' : pick.xyz}`,
                        total: value(a.total, 'count'),
                      })
                    : t('products.count', { total: value(a.total, 'count') })}
                </span>
                {pick && (
                  <button type="button" className="link-button" onClick={() => choose(undefined)}>
                    {t('products.showAll')}
                  </button>
                )}
              </div>
              <DataTable columns={columns} rows={a.rows} label={t('products.table')} />
              <Pager offset={offset} limit={PAGE} total={a.total} onChange={setOffset} />
            </Panel>
          </>
        )}
      </>
    );
  };
  return (
    <div className="page">
      <h1>{t('products.title')}</h1>
      {body()}
    </div>
  );
}

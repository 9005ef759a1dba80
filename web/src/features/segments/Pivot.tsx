import { useState, type FormEvent } from 'react';
import { apiUrl } from '../../api/client.js';
import type { PivotAnswer, PivotOptions } from '../../api/types-segments.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { Downloads } from '../../components/Downloads.js';
import { Help } from '../../components/Help.js';
import { Panel } from '../../components/Panel.js';
import { PivotView } from './PivotView.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';

interface Choice {
  rows: string;
  cols: string;
  measure: string;
  filter: string;
}

/**
 * A pivot over the analysis: any dimension in rows and (optionally) columns, one measure, optional filters
 * (`stage=active|asleep; abc=A`), shown as a table and a bar chart and downloadable as the tidy table.
 */
export function Pivot() {
  const i18n = useI18n();
  const { t, lang, date } = i18n;
  const { help } = useCatalogue();
  const { asOf } = useAsOf();
  const options = useApi<PivotOptions>('/api/pivot/options');
  const [choice, setChoice] = useState<Choice>({
    rows: 'stage',
    cols: 'rfm_segment',
    measure: 'count',
    filter: '',
  });
  const [filterText, setFilterText] = useState('');
  const params = {
    rows: choice.rows,
    cols: choice.cols,
    measure: choice.measure,
    filter: choice.filter,
    as_of: asOf,
  };
  const answer = useApi<PivotAnswer>(apiUrl('/api/pivot', params));
  const set = (patch: Partial<Choice>) => setChoice((c) => ({ ...c, ...patch }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    set({ filter: filterText.trim() });
  };
  if (options.error)
    return <ErrorMessage message={options.error} status={options.status} onRetry={options.reload} />;
  if (!options.data) return <Loading />;
  const o = options.data;
  const rows = o.dimensions.find((d) => d.id === choice.rows);
  const cols = o.dimensions.find((d) => d.id === choice.cols);
  const measure = o.measures.find((m) => m.id === choice.measure);
  const data = answer.data;
  const current =
    data &&
    data.rows === choice.rows &&
    (data.cols ?? '') === choice.cols &&
    data.measures[0] === choice.measure;
  return (
    <div className="page">
      <h1>{t('pivot.title')}</h1>
      <form className="toolbar pivot-controls" onSubmit={apply}>
        <label className="asof">
          <span>{t('pivot.rows')}</span>
          <select
            value={choice.rows}
            onChange={(e) => set({ rows: e.target.value })}
            aria-label={t('pivot.rows')}
          >
            {o.dimensions.map((d) => (
              <option key={d.id} value={d.id} disabled={d.id === choice.cols}>
                {d.name[lang]}
              </option>
            ))}
          </select>
          {rows && <Help text={rows.method[lang]} />}
        </label>
        <label className="asof">
          <span>{t('pivot.cols')}</span>
          <select
            value={choice.cols}
            onChange={(e) => set({ cols: e.target.value })}
            aria-label={t('pivot.cols')}
          >
            <option value="">{t('pivot.noCols')}</option>
            {o.dimensions.map((d) => (
              <option key={d.id} value={d.id} disabled={d.id === choice.rows}>
                {d.name[lang]}
              </option>
            ))}
          </select>
          {cols && <Help text={cols.method[lang]} />}
        </label>
        <label className="asof">
          <span>{t('pivot.measure')}</span>
          <select
            value={choice.measure}
            onChange={(e) => set({ measure: e.target.value })}
            aria-label={t('pivot.measure')}
          >
            {o.measures.map((m) => (
              <option key={m.id} value={m.id} disabled={m.predictions && !o.predictions}>
                {m.name[lang]}
                {m.predictions && !o.predictions ? ` (${t('pivot.needsPredictions')})` : ''}
              </option>
            ))}
          </select>
          {measure && <Help text={measure.method[lang]} />}
        </label>
        <label className="asof">
          <span>{t('pivot.filter')}</span>
          <input
            type="text"
            value={filterText}
            onChange={(e) => setFilterText(e.target.value)}
            placeholder="stage=active|asleep; abc=A"
            aria-label={t('pivot.filter')}
            size={30}
          />
          <Help text={help('pivot.filter')} />
        </label>
        <button type="submit">{t('pivot.apply')}</button>
      </form>
      {answer.error && <ErrorMessage message={answer.error} status={answer.status} />}
      {!answer.error && (!data || !current) && <Loading />}
      {data && current && rows && measure && (
        <Panel
          title={t('pivot.result', {
            rows: rows.name[lang],
            cols: cols ? ` × ${cols.name[lang]}` : '',
            measure: measure.name[lang],
          })}
          help={help('pivot.result')}
          actions={<Downloads url={apiUrl('/api/pivot', params)} />}
        >
          <p className="muted">
            {data.as_of ? t('pivot.atSnapshot', { date: date(data.as_of) }) : t('pivot.allSnapshots')}
            {data.filters.length > 0 ? ` · ${t('pivot.filtered', { filters: data.filters.join('; ') })}` : ''}
            {data.truncated ? ` · ${t('pivot.truncated')}` : ''}
          </p>
          {data.cells.length === 0 ? (
            <p>{t('common.noRows')}</p>
          ) : (
            <PivotView
              answer={data}
              rows={rows}
              cols={cols}
              measure={measure}
              chartLabel={t('pivot.chart')}
              tableLabel={t('pivot.table')}
            />
          )}
        </Panel>
      )}
    </div>
  );
}

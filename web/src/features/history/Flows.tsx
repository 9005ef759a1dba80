import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { FlowDimension, Flows as FlowsData } from '../../api/types-history.js';
import { useApi } from '../../api/use-api.js';
import { FlowMatrix, type Move } from './FlowMatrix.js';
import { FlowSankey } from './FlowSankey.js';
import { HistoryChoice } from './HistoryChoice.js';
import { HistoryMeasure, type Measure } from './HistoryMeasure.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { TriggerList } from './TriggerList.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';

/**
 * Flows between two snapshots (default: the month before the latest and the latest): a Sankey diagram, the
 * transition matrix, and the customers behind any stage-to-stage cell.
 */
export function Flows() {
  const { t, lang, date } = useI18n();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [by, setBy] = useState<FlowDimension>('stage');
  const [measure, setMeasure] = useState<Measure>('customers');
  const [move, setMove] = useState<Partial<Move>>({});
  const flows = useApi<FlowsData>(apiUrl('/api/flows', { from, to, by }));
  const data = flows.data;
  const months = data?.months ?? [];
  const monthOptions = (keep: (month: string) => boolean) =>
    months.map((m) => ({ value: m, label: formatMonth(m, lang), disabled: !keep(m) }));
  return (
    <div className="page">
      <h1>{t('flows.title')}</h1>
      {flows.error && <ErrorMessage message={flows.error} status={flows.status} onRetry={flows.reload} />}
      {!data && !flows.error && <Loading />}
      {data && (
        <>
          <p className="subtitle">{t('history.asOf', { date: date(data.as_of) })}</p>
          <div className="toolbar">
            <HistoryChoice
              label={t('flows.from')}
              value={data.from}
              options={monthOptions((m) => m < data.to)}
              onChange={setFrom}
            />
            <HistoryChoice
              label={t('flows.to')}
              value={data.to}
              options={monthOptions((m) => m > data.from)}
              onChange={(month) => {
                setFrom(data.from);
                setTo(month);
              }}
            />
            <HistoryChoice<FlowDimension>
              label={t('flows.by')}
              value={by}
              options={(['stage', 'rfm_segment'] as const).map((value) => ({
                value,
                label: t(`flows.by.${value}`),
              }))}
              onChange={setBy}
            />
            <HistoryMeasure value={measure} onChange={setMeasure} />
          </div>
          <FlowSankey data={data} measure={measure} />
          <FlowMatrix
            data={data}
            measure={measure}
            selected={move.from !== undefined && move.to !== undefined ? (move as Move) : undefined}
            onSelect={data.by === 'stage' ? setMove : undefined}
          />
          <TriggerList
            stages={data.stages}
            fromMonth={data.from}
            toMonth={data.to}
            move={move}
            onChange={setMove}
          />
        </>
      )}
    </div>
  );
}

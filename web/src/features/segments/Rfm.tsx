import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { RfmGrid, RfmSegmentTotal } from '../../api/types-segments.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { useCatalogue } from '../../catalogue.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Panel } from '../../components/Panel.js';
import { RfmHeatmap, type RfmColouring } from './RfmHeatmap.js';
import { SegmentCustomerList } from './SegmentCustomerList.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import { SEGMENT_COLOURS } from './segment-values.js';

/**
 * RFM at an analysis snapshot: the R × FM grid coloured by segment or by customers, the 11 segments with their
 * customers and revenue, the score cut points, and the customers of the segment clicked, ready for a CRM.
 */
export function Rfm() {
  const i18n = useI18n();
  const { t, lang, value, date } = i18n;
  const { help } = useCatalogue();
  const { asOf } = useAsOf();
  const [colouring, setColouring] = useState<RfmColouring>('segment');
  const [selected, setSelected] = useState<string>();
  const grid = useApi<RfmGrid>(apiUrl('/api/rfm', { as_of: asOf }));
  const body = () => {
    if (grid.error) return <ErrorMessage message={grid.error} status={grid.status} onRetry={grid.reload} />;
    if (!grid.data) return <Loading />;
    const g = grid.data;
    const share = (v: number | null) => (v === null ? '—' : value(v, 'ratio'));
    const cuts = (list: (number | null)[], unit: 'days' | 'count' | 'currency') =>
      list.map((v) => value(v, unit)).join(' / ');
    const columns: Column[] = [
      {
        key: 'segment',
        label: t('rfm.segment'),
        help: help('rfm.segment'),
        render: (_v, row) => {
          const s = row as unknown as RfmSegmentTotal;
          return (
            <button type="button" className="link-button" onClick={() => setSelected(s.segment)}>
              <span
                className="swatch"
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: '0.8rem',
                  height: '0.8rem',
                  marginRight: '0.4rem',
                  borderRadius: 2,
                  background: SEGMENT_COLOURS[s.segment],
                }}
              />
              {s.name[lang]}
            </button>
          );
        },
      },
      {
        key: 'customers',
        label: t('rfm.customers'),
        help: help('rfm.customers'),
        numeric: true,
        render: (v) => value(v, 'count'),
      },
      {
        key: 'customer_share',
        label: t('rfm.customerShare'),
        help: help('rfm.customerShare'),
        numeric: true,
        render: (v) => share(v as number | null),
      },
      {
        key: 'revenue',
        label: t('rfm.revenue'),
        help: help('rfm.revenue'),
        numeric: true,
        render: (v) => value(v, 'currency'),
      },
      {
        key: 'revenue_share',
        label: t('rfm.revenueShare'),
        help: help('rfm.revenueShare'),
        numeric: true,
        render: (v) => share(v as number | null),
      },
      {
        key: 'cells',
        label: t('rfm.cells'),
        help: help('rfm.cells'),
        numeric: true,
        render: (v) => value(v, 'count'),
      },
    ];
    const chosen = g.segments.find((s) => s.segment === selected);
    return (
      <>
        <p className="subtitle">
          {t('rfm.asOf', { date: date(g.as_of) })}
          {asOf && asOf !== g.as_of ? ` ${t('rfm.snapshotNote', { date: date(asOf) })}` : ''}
        </p>
        <div className="figures">
          <KeyFigure
            label={t('rfm.customers')}
            value={value(g.customers, 'count')}
            help={help('rfm.total')}
          />
          <KeyFigure
            label={t('rfm.revenue')}
            value={value(g.revenue, 'currency')}
            help={help('rfm.revenue')}
          />
          <KeyFigure label={t('rfm.rCuts')} value={cuts(g.cuts.r, 'days')} help={help('rfm.rCuts')} />
          <KeyFigure label={t('rfm.fCuts')} value={cuts(g.cuts.f, 'count')} help={help('rfm.fCuts')} />
          <KeyFigure label={t('rfm.mCuts')} value={cuts(g.cuts.m, 'currency')} help={help('rfm.mCuts')} />
        </div>
        <Panel
          title={t('rfm.grid')}
          help={help('rfm.grid')}
          actions={
            <>
              <label className="asof">
                <span>{t('rfm.colour')}</span>
                <select
                  value={colouring}
                  onChange={(e) => setColouring(e.target.value as RfmColouring)}
                  aria-label={t('rfm.colour')}
                >
                  <option value="segment">{t('rfm.bySegment')}</option>
                  <option value="count">{t('rfm.byCount')}</option>
                </select>
              </label>
              <Downloads url={apiUrl('/api/rfm', { as_of: asOf, table: 'cells' })} />
            </>
          }
        >
          <RfmHeatmap grid={g} colouring={colouring} label={t('rfm.grid')} />
        </Panel>
        <Panel
          title={t('rfm.segments')}
          help={help('rfm.segments')}
          actions={<Downloads url={apiUrl('/api/rfm', { as_of: asOf, table: 'segments' })} />}
        >
          <p className="muted">{t('rfm.pick')}</p>
          <DataTable
            columns={columns}
            rows={g.segments.map((s) => ({ ...s }))}
            onRowClick={(row) => setSelected(String(row['segment']))}
            label={t('rfm.segments')}
          />
        </Panel>
        {chosen && (
          <SegmentCustomerList
            kind="rfm"
            segment={chosen.segment}
            title={t('rfm.segmentCustomers', { segment: chosen.name[lang] })}
            asOf={g.as_of}
          />
        )}
      </>
    );
  };
  return (
    <div className="page">
      <h1>{t('rfm.title')}</h1>
      {body()}
    </div>
  );
}

import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { AtRiskPage } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import type { HelpKey } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { metricColumn } from '../../profile-columns.js';
import { stageName } from './ClvStages.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Pager } from '../../components/Pager.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const PAGE = 25;
const THRESHOLDS = [0.5, 0.7, 0.9];
const CONTACTS: [string, MessageKey, HelpKey][] = [
  ['name', 'attr.name', 'attr.name'],
  ['email', 'attr.email', 'attr.email'],
  ['phone', 'attr.phone', 'attr.phone'],
];
const METRICS = [
  'clv',
  'churn_risk',
  'expected_purchases',
  'next_purchase_date',
  'rfm_segment',
  'revenue',
  'recency_days',
];

/** The valuable customers at risk, paged, with the whole list downloadable for the CRM. */
export function ClvAtRisk({ asOf }: { asOf: string }) {
  const i18n = useI18n();
  const { t, value } = i18n;
  const catalogue = useCatalogue();
  const [minRisk, setMinRisk] = useState(0.5);
  const [offset, setOffset] = useState(0);
  const params = { as_of: asOf, min_risk: minRisk };
  const page = useApi<AtRiskPage>(apiUrl('/api/predictions/at-risk', { ...params, limit: PAGE, offset }));
  const columns: Column[] = [
    metricColumn('customer_id', catalogue, i18n),
    ...CONTACTS.map(([key, label, help]) => ({ key, label: t(label), help: catalogue.help(help) })),
    {
      key: 'value_at_risk',
      label: t('clv.risk.value'),
      help: catalogue.help('clv.risk.value'),
      numeric: true,
      render: (v: unknown) => value(v, 'currency'),
    },
    ...METRICS.slice(0, 4).map((id) => metricColumn(id, catalogue, i18n)),
    { ...metricColumn('stage', catalogue, i18n), render: (v: unknown) => stageName(v, t) },
    ...METRICS.slice(4).map((id) => metricColumn(id, catalogue, i18n)),
  ];
  return (
    <Panel
      title={t('clv.risk.title')}
      help={catalogue.help('clv.risk.title')}
      actions={<Downloads url={apiUrl('/api/predictions/at-risk', params)} />}
    >
      <div className="toolbar">
        <label className="field">
          <span>{t('clv.risk.threshold')}</span>
          <select
            value={minRisk}
            onChange={(e) => {
              setMinRisk(Number(e.target.value));
              setOffset(0);
            }}
          >
            {THRESHOLDS.map((r) => (
              <option key={r} value={r}>
                {t('clv.risk.above', { risk: i18n.num(r, { style: 'percent' }) })}
              </option>
            ))}
          </select>
        </label>
        {page.data && (
          <span className="count">{t('clv.risk.count', { total: i18n.num(page.data.total) })}</span>
        )}
      </div>
      {page.error && <ErrorMessage message={page.error} status={page.status} onRetry={page.reload} />}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <DataTable
            columns={columns}
            rows={page.data.rows}
            label={t('clv.risk.title')}
            rowLink={(row) => `/customers/${encodeURIComponent(String(row['customer_id']))}`}
          />
          <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={setOffset} />
        </>
      )}
    </Panel>
  );
}

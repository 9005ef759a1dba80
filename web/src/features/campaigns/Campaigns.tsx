import { apiUrl } from '../../api/client.js';
import type { CampaignList, CampaignListing } from '../../api/types-campaigns.js';
import { useApi } from '../../api/use-api.js';
import type { Row } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { CampaignForm } from './CampaignForm.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import { navigate } from '../../router.js';

/** The stored campaigns, and the form that plans and creates a new one. */
export function Campaigns() {
  const { t, date, lang } = useI18n();
  const list = useApi<CampaignList>(apiUrl('/api/campaigns', { lang }));
  return (
    <div className="page">
      <h1>{t('campaigns.title')}</h1>
      <p className="subtitle">{t('campaigns.intro')}</p>
      <Panel
        title={t('campaigns.list')}
        actions={list.data && list.data.campaigns.length > 0 && <Downloads url="/api/campaigns" />}
      >
        {list.error && <ErrorMessage message={list.error} status={list.status} onRetry={list.reload} />}
        {!list.data && !list.error && <Loading />}
        {list.data && (
          <>
            {list.data.sales_until && (
              <p className="muted">{t('campaigns.salesUntil', { date: date(list.data.sales_until) })}</p>
            )}
            {list.data.campaigns.length === 0 ? (
              <p className="muted">{t('campaigns.none')}</p>
            ) : (
              <CampaignTable campaigns={list.data.campaigns} />
            )}
          </>
        )}
      </Panel>
      <CampaignForm onCreated={(id) => navigate(`/campaigns/${id}`)} />
    </div>
  );
}

function CampaignTable({ campaigns }: { campaigns: CampaignListing[] }) {
  const i18n = useI18n();
  const { t, date, value } = i18n;
  const { help } = useCatalogue();
  const p = (x: number | null) => (x === null ? '—' : i18n.num(x, { maximumSignificantDigits: 2 }));
  const columns: Column[] = [
    { key: 'name', label: t('campaigns.col.name'), help: help('campaigns.col.name') },
    {
      key: 'segment',
      label: t('campaigns.col.segment'),
      help: help('campaigns.col.segment'),
      render: (v) => <code>{String(v)}</code>,
    },
    {
      key: 'as_of',
      label: t('campaigns.col.as_of'),
      help: help('campaigns.col.as_of'),
      render: (v) => date(String(v)),
    },
    {
      key: 'start',
      label: t('campaigns.col.period'),
      help: help('campaigns.col.period'),
      render: (_v, row) => `${date(String(row['start']))} … ${date(String(row['last_day']))}`,
    },
    {
      key: 'targets',
      label: t('campaigns.col.targets'),
      help: help('campaigns.col.targets'),
      numeric: true,
      render: (v) => value(v, 'count'),
    },
    {
      key: 'controls',
      label: t('campaigns.col.controls'),
      help: help('campaigns.col.controls'),
      numeric: true,
      render: (v) => value(v, 'count'),
    },
    {
      key: 'control_share',
      label: t('campaigns.col.control_share'),
      help: help('campaigns.col.control_share'),
      numeric: true,
      render: (v) => value(v, 'ratio'),
    },
    {
      key: 'window_status',
      label: t('campaigns.col.status'),
      help: help('campaigns.col.status'),
      render: (v) =>
        t(
          v === 'before_start'
            ? 'campaigns.status.before_start'
            : v === 'in_progress'
              ? 'campaigns.status.in_progress'
              : 'campaigns.status.complete',
        ),
    },
    {
      key: 'last_evaluation',
      label: t('campaigns.col.incremental_revenue'),
      help: help('campaigns.col.incremental_revenue'),
      numeric: true,
      render: (_v, row) => {
        const e = (row as unknown as CampaignListing).last_evaluation;
        if (!e) return <span className="muted">{t('campaigns.notEvaluated')}</span>;
        const ir = e.incremental_revenue;
        return (
          <span title={e.verdict}>
            {value(ir.estimate, 'currency')}{' '}
            <span className="muted">
              ({value(ir.lower, 'currency')} … {value(ir.upper, 'currency')}; p = {p(e.revenue_p_value)})
            </span>
          </span>
        );
      },
    },
    {
      key: 'created_at',
      label: t('campaigns.col.created_at'),
      help: help('campaigns.col.created_at'),
      render: (v) => date(String(v)),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={campaigns as unknown as Row[]}
      rowLink={(row) => `/campaigns/${String(row['campaign_id'])}`}
      label={t('campaigns.list')}
    />
  );
}

import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { ContactsPage } from '../../api/types-campaigns.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import type { HelpKey } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { stageLabel } from './campaign-format.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Pager } from '../../components/Pager.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const PAGE = 25;
const COLUMNS = ['customer_id', 'name', 'email', 'phone', 'region', 'arm', 'stratum', 'stage_at_selection'];
const ARMS = ['target', 'control', 'all'] as const;

/** A campaign's members with their contact details, one group at a time, paged; downloads give the whole list. */
export function CampaignMembers({ campaignId }: { campaignId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { help } = useCatalogue();
  const [arm, setArm] = useState<(typeof ARMS)[number]>('target');
  const [offset, setOffset] = useState(0);
  const url = apiUrl(`/api/campaigns/${campaignId}/contacts`, { arm });
  const page = useApi<ContactsPage>(
    apiUrl(`/api/campaigns/${campaignId}/contacts`, { arm, limit: PAGE, offset }),
  );
  const columns: Column[] = COLUMNS.map((key) => ({
    key,
    label: t(`campaign.col.${key}` as MessageKey),
    help: help(`campaign.col.${key}` as HelpKey),
    render:
      key === 'arm'
        ? (v: unknown) => t(`campaign.arm.${String(v)}` as MessageKey)
        : (v: unknown) => stageLabel(i18n, v),
  }));
  return (
    <Panel
      title={t('campaign.members')}
      help={help('campaign.members')}
      actions={
        <>
          <label>
            <span className="visually-hidden">{t('campaign.armLabel')}</span>
            <select
              aria-label={t('campaign.armLabel')}
              value={arm}
              onChange={(e) => {
                setArm(e.target.value as (typeof ARMS)[number]);
                setOffset(0);
              }}
            >
              {ARMS.map((a) => (
                <option key={a} value={a}>
                  {t(`campaign.arm.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <Downloads url={url} />
        </>
      }
    >
      {page.error && <ErrorMessage message={page.error} status={page.status} onRetry={page.reload} />}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <DataTable
            columns={columns}
            rows={page.data.rows}
            rowLink={(row) => `/customers/${encodeURIComponent(String(row['customer_id']))}`}
            label={t('campaign.members')}
          />
          <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={setOffset} />
        </>
      )}
    </Panel>
  );
}

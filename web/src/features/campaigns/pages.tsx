import { CampaignDetail } from './CampaignDetail.js';
import { Campaigns } from './Campaigns.js';
import type { Page } from '../../pages/page.js';

/** The campaigns pages, in navigation order (merged into `registry.tsx`). */
export const CAMPAIGNS_PAGES: readonly Page[] = [
  { path: '/campaigns', title: 'nav.campaigns', nav: true, render: () => <Campaigns /> },
  {
    path: '/campaigns/:id',
    title: 'nav.campaign',
    nav: false,
    render: (p) => <CampaignDetail id={p['id'] ?? ''} />,
  },
];

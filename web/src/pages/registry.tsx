import { CAMPAIGNS_PAGES } from '../features/campaigns/pages.js';
import { CustomerCard } from '../features/customers/CustomerCard.js';
import { Customers } from '../features/customers/Customers.js';
import { Data } from '../features/data/Data.js';
import { HISTORY_PAGES } from '../features/history/pages.js';
import { MODELS_PAGES } from '../features/models/pages.js';
import { Overview } from '../features/overview/Overview.js';
import type { Page } from './page.js';
import { SEGMENTS_PAGES } from '../features/segments/pages.js';

export type { Page } from './page.js';

/**
 * Every page of the app, in navigation order. An area's pages, components and page list live in
 * `web/src/features/<area>/` (its pages in `pages.tsx`), its API modules in `src/server/routes/<area>/`.
 */
export const PAGES: readonly Page[] = [
  { path: '/', title: 'nav.overview', nav: true, render: () => <Overview /> },
  ...HISTORY_PAGES,
  ...SEGMENTS_PAGES,
  ...MODELS_PAGES,
  ...CAMPAIGNS_PAGES,
  { path: '/customers', title: 'nav.customers', nav: true, render: () => <Customers /> },
  {
    path: '/customers/:id',
    title: 'nav.customer',
    nav: false,
    render: (p) => <CustomerCard id={p['id'] ?? ''} />,
  },
  { path: '/data', title: 'nav.data', nav: true, render: () => <Data /> },
];

import { CAMPAIGNS_PAGES } from './campaigns-pages.js';
import { CustomerCard } from './CustomerCard.js';
import { Customers } from './Customers.js';
import { Data } from './Data.js';
import { HISTORY_PAGES } from './history-pages.js';
import { MODELS_PAGES } from './models-pages.js';
import { Overview } from './Overview.js';
import type { Page } from './page.js';
import { SEGMENTS_PAGES } from './segments-pages.js';

export type { Page } from './page.js';

/**
 * Every page of the app, in navigation order. An area adds its pages to `<area>-pages.tsx` and its API modules
 * to `src/server/routes/<area>-routes.ts`.
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

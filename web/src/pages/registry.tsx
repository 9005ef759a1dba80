import type { ReactElement } from 'react';
import type { MessageKey } from '../i18n/strings.js';
import { CustomerCard } from './CustomerCard.js';
import { Customers } from './Customers.js';
import { Data } from './Data.js';
import { Overview } from './Overview.js';

export interface Page {
  /** A path pattern; `:name` matches one segment. */
  path: string;
  title: MessageKey;
  /** Listed in the navigation (pages reached from others, like one customer's card, are not). */
  nav: boolean;
  render(params: Record<string, string>): ReactElement;
}

/**
 * Every page of the app, in navigation order. A new area (segments, flows, cohorts, …) adds its page here and
 * its API module to `src/server/routes/index.ts`.
 */
export const PAGES: readonly Page[] = [
  { path: '/', title: 'nav.overview', nav: true, render: () => <Overview /> },
  { path: '/customers', title: 'nav.customers', nav: true, render: () => <Customers /> },
  {
    path: '/customers/:id',
    title: 'nav.customer',
    nav: false,
    render: (p) => <CustomerCard id={p['id'] ?? ''} />,
  },
  { path: '/data', title: 'nav.data', nav: true, render: () => <Data /> },
];

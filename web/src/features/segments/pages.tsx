import type { Page } from '../../pages/page.js';
import { Pivot } from './Pivot.js';
import { Products } from './Products.js';
import { Rfm } from './Rfm.js';

/** The segments pages, in navigation order (merged into `registry.tsx`). */
export const SEGMENTS_PAGES: readonly Page[] = [
  { path: '/rfm', title: 'nav.rfm', nav: true, render: () => <Rfm /> },
  { path: '/products', title: 'nav.products', nav: true, render: () => <Products /> },
  { path: '/pivot', title: 'nav.pivot', nav: true, render: () => <Pivot /> },
];

import { Clv } from './Clv.js';
import type { Page } from '../../pages/page.js';

/** The models pages, in navigation order (merged into `registry.tsx`). */
export const MODELS_PAGES: readonly Page[] = [
  { path: '/clv', title: 'nav.clv', nav: true, render: () => <Clv /> },
];

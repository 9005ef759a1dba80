import { Cohorts } from './Cohorts.js';
import { Flows } from './Flows.js';
import type { Page } from '../../pages/page.js';
import { Structure } from './Structure.js';

/** The history pages, in navigation order (merged into `registry.tsx`). */
export const HISTORY_PAGES: readonly Page[] = [
  { path: '/structure', title: 'nav.structure', nav: true, render: () => <Structure /> },
  { path: '/flows', title: 'nav.flows', nav: true, render: () => <Flows /> },
  { path: '/cohorts', title: 'nav.cohorts', nav: true, render: () => <Cohorts /> },
];

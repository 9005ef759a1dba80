import type { ReactElement } from 'react';
import type { MessageKey } from '../i18n/strings.js';

export interface Page {
  /** A path pattern; `:name` matches one segment. */
  path: string;
  title: MessageKey;
  /** Listed in the navigation (pages reached from others, like one customer's card, are not). */
  nav: boolean;
  render(params: Record<string, string>): ReactElement;
}

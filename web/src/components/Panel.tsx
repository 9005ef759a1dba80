import type { ReactNode } from 'react';
import { Help } from './Help.js';

export function Panel({
  title,
  help,
  actions,
  children,
}: {
  title: string;
  help?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel">
      <header className="panel-header">
        <h2>
          {title}
          {help !== undefined && <Help text={help} />}
        </h2>
        {actions !== undefined && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { Help } from './Help.js';

/** One key number with its label, an optional line under it, and the (?) that explains it. */
export function KeyFigure({
  label,
  value,
  help,
  note,
}: {
  label: string;
  value: string;
  help: string;
  note?: ReactNode;
}) {
  return (
    <div className="figure">
      <div className="figure-label">
        {label}
        <Help text={help} />
      </div>
      <div className="figure-value">{value}</div>
      {note !== undefined && <div className="figure-note">{note}</div>}
    </div>
  );
}

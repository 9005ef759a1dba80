import { useId, type ReactNode } from 'react';
import { Help } from '../../components/Help.js';

/** A form field: its label (tied to the control by id, so the (?) stays outside the label) and the control. */
export function ClvField({
  label,
  help,
  children,
}: {
  label: string;
  help?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <span>
        <label htmlFor={id}>{label}</label>
        {help !== undefined && <Help text={help} />}
      </span>
      {children(id)}
    </div>
  );
}

import { useId, type ReactNode } from 'react';
import { Help } from '../../components/Help.js';

/**
 * A form field with its (?) next to the label. The (?) is a button, so it stays outside the <label>: a label
 * names its first labelable descendant, which would otherwise be the button instead of the input.
 */
export function CampaignField({
  label,
  help,
  children,
}: {
  label: string;
  help: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <span>
        <label htmlFor={id}>{label}</label>
        <Help text={help} />
      </span>
      {children(id)}
    </div>
  );
}

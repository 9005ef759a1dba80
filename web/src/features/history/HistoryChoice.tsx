import type { ReactNode } from 'react';

/** A labelled drop-down of the history pages (month, dimension, metric), styled as the other form fields. */
export function HistoryChoice<T extends string>({
  label,
  value,
  options,
  onChange,
  help,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean }[];
  onChange(value: T): void;
  help?: ReactNode;
}) {
  return (
    <label className="field">
      <span>
        {label}
        {help}
      </span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

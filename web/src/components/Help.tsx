import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** The (?) next to a number or a column: shows how it is computed on hover, focus or tap. */
export function Help({ text }: { text: string }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={open ? 'help open' : 'help'}>
      <button
        type="button"
        className="help-button"
        aria-label={t('common.help')}
        aria-describedby={id}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => !o);
        }}
        onBlur={() => setOpen(false)}
      >
        ?
      </button>
      <span role="tooltip" id={id} className="help-text">
        {text}
      </span>
    </span>
  );
}

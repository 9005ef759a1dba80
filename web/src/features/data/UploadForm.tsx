import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';

/** How to read a file; '' means "detect". Field names are the API's form fields. */
export interface ReadOptions {
  kind: string;
  encoding: string;
  delimiter: string;
  decimal: string;
  date_format: string;
  sheet: string;
}

export const DETECT: ReadOptions = {
  kind: '',
  encoding: '',
  delimiter: '',
  decimal: '',
  date_format: '',
  sheet: '',
};

const KINDS = ['sales', 'customers', 'products'] as const;
const ENCODINGS = ['utf-8', 'windows-1251', 'utf-16le', 'utf-16be'];
const DELIMITERS = [',', ';', 'tab', '|', 'space'];
const DECIMALS = ['.', ','];
const DATE_FORMATS = [
  'iso',
  'dd.mm.yyyy',
  'dd.mm.yy',
  'mm/dd/yyyy',
  'dd/mm/yyyy',
  'dd-mm-yyyy',
  'yyyy/mm/dd',
  'yyyymmdd',
];

/** The file picker and the reading options (all detected unless set). */
export function UploadForm({
  options,
  onOptions,
  onFile,
  onReread,
  canReread,
  limitText,
  disabled,
}: {
  options: ReadOptions;
  onOptions(options: ReadOptions): void;
  onFile(file: File): void;
  onReread(): void;
  canReread: boolean;
  limitText: string;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const set = (key: keyof ReadOptions) => (e: { target: { value: string } }) =>
    onOptions({ ...options, [key]: e.target.value });
  const choice = (key: keyof ReadOptions, label: MessageKey, values: string[]) => (
    <label className="field">
      <span>{t(label)}</span>
      <select value={options[key]} onChange={set(key)} disabled={disabled}>
        <option value="">{t('data.detect')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="upload-form">
      <p className="muted">{t('data.uploadText', { limit: limitText })}</p>
      <div className="form-row">
        <label className="field">
          <span>{t('data.file')}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.xlsx,.xlsm,.parquet,.json,.ndjson,.jsonl"
            disabled={disabled}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <label className="field">
          <span>{t('data.kind')}</span>
          <select value={options.kind} onChange={set('kind')} disabled={disabled}>
            <option value="">{t('kind.auto')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="options">
        <summary>{t('data.options')}</summary>
        <div className="form-row">
          {choice('encoding', 'data.encoding', ENCODINGS)}
          {choice('delimiter', 'data.delimiter', DELIMITERS)}
          {choice('decimal', 'data.decimal', DECIMALS)}
          {choice('date_format', 'data.dateFormat', DATE_FORMATS)}
          <label className="field">
            <span>{t('data.sheet')}</span>
            <input type="text" value={options.sheet} onChange={set('sheet')} disabled={disabled} />
          </label>
        </div>
      </details>
      {canReread && (
        <button type="button" onClick={onReread} disabled={disabled}>
          {t('data.apply')}
        </button>
      )}
    </div>
  );
}

/**
 * A small RFC 4180 tokenizer for the sample the sniffer looks at (the first megabyte, not the whole file):
 * a quote opens a quoted field only at the start of a field, `""` inside quotes is a quote, CR LF or LF ends a
 * record. Blank lines are reported as records with no fields so that line numbers stay exact.
 */
export interface SampleRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export function tokenize(
  text: string,
  delimiter: string,
  quote: string | null,
  limit = 2000,
): SampleRecord[] {
  if (delimiter === 'whitespace') return tokenizeWhitespace(text, limit);
  const records: SampleRecord[] = [];
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  let sawAny = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += ch;
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === quote && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      sawAny = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (sawAny || field.length > 0) fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      sawAny = false;
      line++;
      start = line;
    } else {
      field += ch;
      atFieldStart = false;
      sawAny = true;
    }
  }
  if (!inQuotes && (sawAny || field.length > 0) && records.length < limit) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}

function tokenizeWhitespace(text: string, limit: number): SampleRecord[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(0, limit).map((l, i) => {
    const t = l.trim();
    return { line: i + 1, fields: t === '' ? [] : t.split(/[ \t]+/) };
  });
}

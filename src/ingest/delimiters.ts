/** Column delimiters by the names a user may give them; `whitespace` is any run of spaces and tabs. */
const DELIMITERS: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
  space: 'whitespace',
  whitespace: 'whitespace',
};

/** What a delimiter may be, for the message that refuses another. */
export const DELIMITER_CHOICES = 'one character or one of comma, semicolon, tab, pipe, space';

/** The delimiter a name stands for (a name above, or any one character); undefined when it stands for none. */
export function parseDelimiter(name: string): string | undefined {
  return DELIMITERS[name.toLowerCase()] ?? (name.length === 1 ? name : undefined);
}

/**
 * CSV as Bulk API 2.0 reads and writes it (RFC 4180): a header row, fields quoted when they hold the
 * delimiter, a quote or a line break, quotes doubled inside quotes, LF or CRLF line endings.
 */

/** Bulk API 2.0's names for the delimiters a job may use. */
export const DELIMITERS: Readonly<Record<string, string>> = {
  COMMA: ',',
  BACKQUOTE: '`',
  CARET: '^',
  PIPE: '|',
  SEMICOLON: ';',
  TAB: '\t',
};

/** Rows of fields; throws an Error with a message naming the row when a quote is left open. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error(`unterminated quoted field in row ${rows.length + 1}`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One CSV line (without its line ending), every field quoted as Salesforce writes results. */
export function csvLine(fields: readonly string[], delimiter = ','): string {
  return fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(delimiter);
}

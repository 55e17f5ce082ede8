// A streaming RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and newlines.
// Each record comes with the physical line it starts on, so problems can be reported by line.

export interface CsvRecord {
  line: number;
  fields: string[];
  /** the record ended inside an open quote (a malformed file) */
  unterminated: boolean;
}

export async function* readCsv(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  let pendingCR = false;
  let any = false;
  const endRecord = (): CsvRecord => {
    fields.push(field);
    const r = { line: start, fields, unterminated: false };
    field = '';
    fields = [];
    any = false;
    return r;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        any = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') pendingCR = true;
        if (any || field !== '' || afterQuote) yield endRecord();
        afterQuote = false;
        line++;
        start = line;
      } else if (ch === '"' && field === '' && !afterQuote) {
        quoted = true;
        any = true;
      } else {
        field += ch;
        any = true;
      }
    }
  }
  if (quoted) yield { ...endRecord(), unterminated: true };
  else if (any || field !== '') yield endRecord();
}

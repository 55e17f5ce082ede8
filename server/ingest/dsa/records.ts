// The records of one statement-of-reasons CSV part, parsed by csv-parse (RFC 4180, streaming): quoted
// fields may hold commas, doubled quotes ("") and newlines, and a quote split across two read chunks
// is the parser's business, not ours. Each record comes with the physical line it starts on.
//
// A row the RFC cannot read — real dumps hold quotes escaped with a backslash (\") instead of
// doubled, which close the field early — comes out as one malformed record with its line and the
// parser's message; the parser then resumes at the next record, so the row is never merged into
// the next one. A row with more or fewer fields than the header is returned as parsed, for the
// importer to report. (A backslash-escaped quote just before a newline in a field ends the record
// there, RFC-wise: such a row is reported as its two pieces, each with its line.)
import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { platformFilter } from './platformFilter.js';

export type CsvRecord = { line: number; fields: string[] } | { line: number; malformed: string };

/** Largest record read (the full layout's free-text fields are at most a few KB each). */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** What is wrong with a row the parser could not read, in words. */
function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote inside a quoted field is not doubled (escaped with a backslash?): the field ends early';
    case 'INVALID_OPENING_QUOTE': // (csv-parse 7 names it without the CSV_ prefix)
      return 'a quote in the middle of an unquoted field (the rest of a row broken by a backslash-escaped quote?)';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_BYTES} bytes`;
    default:
      return err.message.replace(/\s+/g, ' ').slice(0, 200);
  }
}

export interface ReadOptions {
  /** keep only the records that can be this platform's (see platformFilter); the importer checks the field itself */
  platform?: string;
  /** records the platform filter dropped unparsed (counted as they go) */
  counts?: { dropped: number };
}

export async function* readCsvRecords(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, options: ReadOptions = {}): AsyncGenerator<CsvRecord> {
  let source: AsyncIterable<Buffer | string> = Readable.from(chunks, { objectMode: true });
  if (options.platform) source = platformFilter(source, options.platform, options.counts);
  const skipped: { line: number; malformed: string; raw: string }[] = [];
  const parser = Readable.from(source).pipe(
    parse({
      bom: true,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      // the platform filter leaves other platforms' rows as empty lines (so line numbers stay right)
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
      raw: true,
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        if (!err) return undefined;
        const text = (raw ?? '').replace(/^[\r\n]+/, '');
        const last = skipped.at(-1);
        // the parser may stumble several times in one bad row: each report carries the row so far
        if (last && text.startsWith(last.raw) && last.raw !== '') {
          last.raw = text;
          return undefined;
        }
        skipped.push({ line: Number(err.lines ?? 0) - newlines(text), malformed: describe(err), raw: text });
        return undefined;
      },
    }),
  );
  // the parser reports skips as it reads, ahead of the records it has queued: each is given out
  // in line order, before the first record that starts after it
  const skippedBefore = function* (line: number): Generator<CsvRecord> {
    while (skipped.length > 0 && skipped[0]!.line < line) {
      const s = skipped.shift()!;
      yield { line: s.line, malformed: s.malformed };
    }
  };
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    let inner = 0;
    for (const f of r.record) inner += newlines(f);
    const line = r.info.lines - inner;
    yield* skippedBefore(line);
    yield { line, fields: r.record };
  }
  yield* skippedBefore(Infinity);
}

// Drops, before any parsing, the records of a statement-of-reasons dump that cannot belong to one
// platform: a day holds 10–135 million statements of every platform, and parsing them all would
// cost most of an import that keeps a few percent. This is not a CSV parser: it only finds where
// each record ends — at a newline preceded by an even number of quotes since the record began, which
// holds for every RFC 4180 record, "" included — and keeps every record whose bytes contain the
// platform's name anywhere (a superset: the importer compares platform_name itself after
// csv-parse has read the record). A dropped record is replaced by its newlines, so csv-parse
// counts the same lines and every reported line is the line in the file.
//
// A malformed row (a quote escaped with a backslash) can make the quote count odd: the records up
// to the next odd quote are then taken as one. They are kept or dropped together — kept if any of
// them names the platform, in which case csv-parse reads them and reports the malformed one; dropped
// only if none does. A "record" longer than MAX_PENDING (a quote never closed) is passed on
// unfiltered, for csv-parse to report.
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const MAX_PENDING = 8 * 1024 * 1024;

export async function* platformFilter(chunks: AsyncIterable<Buffer | string>, platform: string, counts = { dropped: 0 }): AsyncGenerator<Buffer> {
  const name = Buffer.from(platform, 'utf8');
  let pending: Buffer = Buffer.alloc(0); // the start of a record not ended yet, already scanned
  let quotes = 0; // quotes in it
  let header = true;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const data = pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes;
    const out: Buffer[] = [];
    let start = 0; // start of the current record
    let pos = pending.length; // bytes before pos are scanned
    let quote = data.indexOf(QUOTE, pos);
    for (let nl = data.indexOf(NEWLINE, pos); nl !== -1; nl = data.indexOf(NEWLINE, nl + 1)) {
      while (quote !== -1 && quote < nl) {
        quotes++;
        quote = data.indexOf(QUOTE, quote + 1);
      }
      pos = nl + 1;
      if (quotes % 2 === 1) continue; // this newline is inside a quoted field
      const record = data.subarray(start, pos);
      if (header || record.indexOf(name) !== -1) out.push(record);
      else {
        out.push(Buffer.alloc(newlinesIn(record), NEWLINE));
        counts.dropped++;
      }
      header = false;
      start = pos;
      quotes = 0;
    }
    // count the quotes of the unfinished record's scanned tail
    while (quote !== -1) {
      quotes++;
      quote = data.indexOf(QUOTE, quote + 1);
    }
    pending = data.subarray(start);
    if (pending.length > MAX_PENDING) {
      out.push(pending);
      pending = Buffer.alloc(0);
      quotes = 0;
    }
    if (out.length > 0) yield out.length === 1 ? out[0]! : Buffer.concat(out);
  }
  if (pending.length > 0) yield pending;
}

function newlinesIn(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(NEWLINE); i !== -1; i = b.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

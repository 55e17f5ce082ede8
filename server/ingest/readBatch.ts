// Reads a pushed batch from the request body as it arrives: decompresses, counts bytes after
// decompression and events, and stops reading at the first byte or event over the limit. So a
// small gzip body that inflates to millions of lines costs what the limit allows, never more.
// NDJSON lines are parsed one by one as they complete (the same rows, line numbers and messages
// as parseBatch); a JSON array is scanned for its top-level elements while it arrives and parsed
// whole only when it is within both limits.
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { parseBatch, type ParsedBatch, type RowError } from './validate.js';

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

export type BatchRead =
  | { ok: true; parsed: ParsedBatch; bytes: number }
  | { ok: false; status: 400 | 413; error: string; bytes: number };

/** The body as text, within the limits, not parsed yet (a validation worker parses it). */
export type TextRead =
  | { ok: true; text: string; bytes: number }
  | { ok: false; status: 400 | 413; error: string; bytes: number };

/** As many line errors as validation reports. */
const MAX_ERRORS = 100;

interface Sink<R = ParsedBatch> {
  push(text: string): void;
  /** events seen so far (valid or not) */
  readonly events: number;
  /** the body has ended: take in what is left of it */
  close(): void;
  result(): R;
}

/**
 * NDJSON kept as text: counts its events (non-blank lines) as they arrive without parsing them,
 * so the row limit still stops the reading at the first event over it.
 */
export class NdjsonTextSink implements Sink<string> {
  events = 0;
  private chunks: string[] = [];
  /** the current line has a character other than white space */
  private lineHasText = false;

  constructor(private readonly maxRows = Number.POSITIVE_INFINITY) {}

  push(text: string): void {
    this.chunks.push(text);
    let start = 0;
    for (let nl = text.indexOf('\n'); this.events <= this.maxRows; nl = text.indexOf('\n', start)) {
      const end = nl === -1 ? text.length : nl;
      // a JSON line starts with '{' (or some other character): the scan stops at once
      if (!this.lineHasText && end > start && NOT_BLANK.test(text.slice(start, end))) this.lineHasText = true;
      if (nl === -1) break;
      if (this.lineHasText) this.events++;
      this.lineHasText = false;
      start = nl + 1;
    }
  }

  close(): void {
    if (this.lineHasText) this.events++;
    this.lineHasText = false;
  }

  result(): string {
    return this.chunks.join('');
  }
}
/** A character String.prototype.trim() keeps (\s is the white space and line ends it removes): a line with one is an event. */
const NOT_BLANK = /\S/;

/** NDJSON: one event per non-blank line, parsed as soon as the line is complete. */
export class NdjsonSink implements Sink {
  events = 0;
  private line = 0;
  /** pieces of the line not complete yet (a long line arrives in many chunks) */
  private pending: string[] = [];
  private rows: ParsedBatch['rows'] = [];
  private errors: RowError[] = [];

  constructor(private readonly maxRows = Number.POSITIVE_INFINITY) {}

  push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1 && this.events <= this.maxRows; nl = text.indexOf('\n', start)) {
      this.pending.push(text.slice(start, nl));
      this.completeLine();
      start = nl + 1;
    }
    if (start < text.length && this.events <= this.maxRows) this.pending.push(text.slice(start));
  }

  close(): void {
    this.completeLine();
  }

  result(): ParsedBatch {
    return { rows: this.rows, errors: this.errors };
  }

  private completeLine(): void {
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.line++;
    if (text.trim() === '') return;
    // past the limit the batch is refused whole: nothing more is parsed
    if (++this.events > this.maxRows) return;
    try {
      this.rows.push({ line: this.line, value: JSON.parse(text) });
    } catch (e) {
      if (this.errors.length < MAX_ERRORS) this.errors.push({ line: this.line, field: null, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
}

/** A JSON array: kept as text, its top-level elements counted while it arrives. */
export class JsonArraySink implements Sink {
  events = 0;
  private chunks: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectingElement = false;

  push(text: string): void {
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.depth === 1) {
        if (c === 0x2c /* , */) {
          this.expectingElement = true;
          continue;
        }
        if (this.expectingElement && c !== 0x5d /* ] */) {
          this.events++;
          this.expectingElement = false;
        }
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        if (this.depth === 0) this.expectingElement = true;
        this.depth++;
      } else if (c === 0x5d || c === 0x7d /* } */) this.depth--;
    }
  }

  close(): void {}

  result(): ParsedBatch {
    return parseBatch(this.text(), 'json');
  }

  text(): string {
    return this.chunks.join('');
  }
}

/**
 * Reads the body to its end, or up to the first byte or event over the limits; then the rest of
 * the body is discarded as it arrives (decompressing nothing more), so the connection can still
 * carry the answer.
 */
export function readBatch(body: Readable, options: ReadLimits & { gzip: boolean; format: 'ndjson' | 'json' }): Promise<BatchRead> {
  const sink: Sink = options.format === 'ndjson' ? new NdjsonSink(options.maxRows) : new JsonArraySink();
  return readWith(body, options, sink).then((r) => (r.ok ? { ok: true, parsed: r.result, bytes: r.bytes } : r));
}

/** As readBatch, with the same limits and answers, but the events are left as text, unparsed. */
export function readBatchText(body: Readable, options: ReadLimits & { gzip: boolean; format: 'ndjson' | 'json' }): Promise<TextRead> {
  let sink: Sink<string>;
  if (options.format === 'ndjson') sink = new NdjsonTextSink(options.maxRows);
  else {
    const array = new JsonArraySink();
    sink = { push: (t) => array.push(t), close: () => array.close(), result: () => array.text(), get events() { return array.events; } };
  }
  return readWith(body, options, sink).then((r) => (r.ok ? { ok: true, text: r.result, bytes: r.bytes } : r));
}

type SinkRead<R> = { ok: true; result: R; bytes: number } | { ok: false; status: 400 | 413; error: string; bytes: number };

function readWith<R>(body: Readable, options: ReadLimits & { gzip: boolean }, sink: Sink<R>): Promise<SinkRead<R>> {
  const { maxBytes, maxRows } = options;
  const gunzip = options.gzip ? createGunzip() : null;
  const source: Readable = gunzip ? body.pipe(gunzip) : body;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  return new Promise<SinkRead<R>>((resolve, reject) => {
    const tooMany = (): SinkRead<R> => ({ ok: false, status: 413, bytes, error: `At most ${maxRows} events per batch; this one has more. Split it.` });
    const stop = (result: SinkRead<R>) => {
      source.off('data', onData);
      source.off('end', onEnd);
      if (gunzip) {
        body.unpipe(gunzip);
        gunzip.destroy();
      }
      body.resume(); // discards what is still coming
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        stop({ ok: false, status: 413, bytes, error: `At most ${maxBytes} bytes per batch (after decompression). Split it.` });
        return;
      }
      sink.push(decoder.write(chunk));
      if (sink.events > maxRows) stop(tooMany());
    };
    const onEnd = () => {
      sink.push(decoder.end());
      sink.close();
      resolve(sink.events > maxRows ? tooMany() : { ok: true, result: sink.result(), bytes });
    };
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', (e: Error) => {
      if (gunzip) stop({ ok: false, status: 400, bytes, error: `The body is not valid gzip (${e.message}).` });
      else reject(e);
    });
    if (gunzip) body.on('error', reject);
  });
}

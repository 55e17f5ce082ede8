// Reading a pushed body while it arrives: the limits stop the reading (a gzip bomb is
// decompressed only as far as the limit), and the rows are those parseBatch reads from the whole
// body, however the body is cut into chunks.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonArraySink, NdjsonSink, NdjsonTextSink, readBatch, readBatchText } from './readBatch.js';
import { parseBatch } from './validate.js';

const MiB = 1024 * 1024;
const DEFAULTS = { maxBytes: 16 * MiB, maxRows: 10_000 };
/** A body that arrives in pieces, as from a socket. */
const body = (data: Buffer, piece = 16 * 1024) => Readable.from(Array.from({ length: Math.ceil(data.length / piece) }, (_, i) => data.subarray(i * piece, (i + 1) * piece)));

/** Cuts text into pieces at the given (sorted, deduplicated) positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe('limits while reading', () => {
  it('a 16 KiB gzip of 16 MiB of "{}" lines: 413 after decompressing only past the 10,000th line', async () => {
    const lines = Buffer.from('{}\n'.repeat((16 * MiB) / 3));
    const bomb = gzipSync(lines, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const read = await readBatch(body(bomb), { ...DEFAULTS, gzip: true, format: 'ndjson' });
    expect(read).toMatchObject({ ok: false, status: 413, error: 'At most 10000 events per batch; this one has more. Split it.' });
    // 10,001 lines are 30,003 bytes; decompression stops within the chunk (16 KiB) that holds them
    expect(read.bytes).toBeGreaterThan(30_003);
    expect(read.bytes).toBeLessThanOrEqual(30_003 + 16 * 1024);
  });

  it('a JSON array of millions of elements: 413 while it arrives', async () => {
    const array = Buffer.from(`[${'{},'.repeat(4 * MiB)}{}]`);
    const read = await readBatch(body(gzipSync(array)), { ...DEFAULTS, gzip: true, format: 'json' });
    expect(read).toMatchObject({ ok: false, status: 413 });
    expect(read.bytes).toBeLessThanOrEqual(1 + 3 * 10_001 + 16 * 1024);
  });

  it('over the byte limit after decompression: 413 at the limit', async () => {
    const read = await readBatch(body(gzipSync(Buffer.from(' '.repeat(2 * MiB)))), { maxBytes: 256 * 1024, maxRows: 500, gzip: true, format: 'ndjson' });
    expect(read).toMatchObject({ ok: false, status: 413, error: 'At most 262144 bytes per batch (after decompression). Split it.' });
    expect(read.bytes).toBeLessThanOrEqual(256 * 1024 + 16 * 1024);
  });

  it('exactly at the limits: read whole', async () => {
    const ndjson = Buffer.from(Array.from({ length: 500 }, (_, i) => `{"i":${i}}`).join('\n'));
    const read = await readBatch(body(ndjson, 7), { maxBytes: ndjson.length, maxRows: 500, gzip: false, format: 'ndjson' });
    expect(read.ok && read.parsed.rows.length).toBe(500);
    const array = Buffer.from(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i, s: '[,]"\\' }))));
    const json = await readBatch(body(gzipSync(array), 5), { maxBytes: array.length, maxRows: 500, gzip: true, format: 'json' });
    expect(json.ok && json.parsed.rows.length).toBe(500);
  });

  it('one event over: 413, also when the last line has no newline', async () => {
    for (const text of [`${'{}\n'.repeat(500)}{}`, `${'{}\n'.repeat(501)}`, `[${'{},'.repeat(500)}{}]`]) {
      const read = await readBatch(body(Buffer.from(text), 5), { maxBytes: MiB, maxRows: 500, gzip: false, format: text.startsWith('[') ? 'json' : 'ndjson' });
      expect(read).toMatchObject({ ok: false, status: 413 });
    }
  });

  it('left as text for the validation workers: the same limits and answers', async () => {
    const bomb = gzipSync(Buffer.from('{}\n'.repeat((16 * MiB) / 3)), { level: 9 });
    const read = await readBatchText(body(bomb), { ...DEFAULTS, gzip: true, format: 'ndjson' });
    expect(read).toMatchObject({ ok: false, status: 413, error: 'At most 10000 events per batch; this one has more. Split it.' });
    expect(read.bytes).toBeLessThanOrEqual(30_003 + 16 * 1024);
    for (const text of [`${'{}\n'.repeat(500)}{}`, `${'{}\n \n'.repeat(501)}`, `[${'{},'.repeat(500)}{}]`]) {
      const over = await readBatchText(body(Buffer.from(text), 5), { maxBytes: MiB, maxRows: 500, gzip: false, format: text.startsWith('[') ? 'json' : 'ndjson' });
      expect(over).toMatchObject({ ok: false, status: 413 });
    }
    // 500 events and as many blank lines: within the limit
    const within = `${'{}\n\n'.repeat(499)}{}\n\n`;
    expect(await readBatchText(body(Buffer.from(within), 5), { maxBytes: MiB, maxRows: 500, gzip: false, format: 'ndjson' })).toEqual({ ok: true, text: within, bytes: within.length });
  });

  it('a body that is not gzip: 400', async () => {
    const read = await readBatch(body(Buffer.from('{"not":"gzip"}')), { ...DEFAULTS, gzip: true, format: 'ndjson' });
    expect(read).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^The body is not valid gzip/) });
  });
});

describe('the same rows as parsing the whole body', () => {
  const line = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constantFrom('', '   ', '\r', '{"a":', 'not json', '{"multi":"byte é ✓ 𝄞"}', '[1,2', '\u00a0'),
  );

  it('NDJSON, cut anywhere (property-based)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, at) => {
        const text = lines.join('\n');
        const sink = new NdjsonSink();
        for (const piece of cut(text, at)) sink.push(piece);
        sink.close();
        expect(sink.result()).toEqual(parseBatch(text, 'ndjson'));
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('NDJSON kept as text: the events parsing counts, the text as sent, cut anywhere (property-based)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, at) => {
        const text = lines.join('\n');
        const sink = new NdjsonTextSink();
        for (const piece of cut(text, at)) sink.push(piece);
        sink.close();
        const parsed = parseBatch(text, 'ndjson');
        expect(sink.events).toBe(parsed.rows.length + parsed.errors.length);
        expect(sink.result()).toBe(text);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('a JSON array: counts its top-level elements, cut anywhere (property-based)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 30 }), fc.constantFrom(0, 1, 2), fc.array(fc.nat(), { maxLength: 8 }), (values, indent, at) => {
        const text = JSON.stringify(values, null, indent);
        const sink = new JsonArraySink();
        for (const piece of cut(text, at)) sink.push(piece);
        sink.close();
        expect(sink.events).toBe(values.length);
        expect(sink.result()).toEqual(parseBatch(text, 'json'));
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

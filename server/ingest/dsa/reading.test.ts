// Reading real dumps: no row lost or merged at any read-chunk boundary (plain and gzip), malformed
// rows (backslash-escaped quotes, extra fields) reported with their line and never merged into the
// next, a daily zip of zipped parts read in place, --platform applied before validation, and the
// skip report bounded. Expected records are written out by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { readCsvRecords, type CsvRecord } from './records.js';
import { importDsa, type SkippedRow } from './importer.js';
import { csvPart, dumpParts } from './dump.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), 'samples');
const fullSample = fs.readFileSync(path.join(samples, 'sor-full-sample.csv'));
const lightSample = fs.readFileSync(path.join(samples, 'sor-light-sample.csv'));

// doubled quotes, commas and newlines in quoted fields, CRLF, a blank line, multi-byte UTF-8
// (split mid-character at some offsets), and two platforms
const TRICKY = Buffer.from(
  'id,text,platform_name\n' +
    '1,"a ""quoted"", word",P\n' +
    '2,"two\nlines, and ""more""",Q\r\n' +
    '\n' +
    '3,"Grüße 🙂 ""x""\n""y""",P\n' +
    '4,plain,Q\n' +
    '5,"""",P\n',
  'utf8',
);
const EVERYTHING: CsvRecord[] = [
  { line: 1, fields: ['id', 'text', 'platform_name'] },
  { line: 2, fields: ['1', 'a "quoted", word', 'P'] },
  { line: 3, fields: ['2', 'two\nlines, and "more"', 'Q'] },
  { line: 6, fields: ['3', 'Grüße 🙂 "x"\n"y"', 'P'] },
  { line: 8, fields: ['4', 'plain', 'Q'] },
  { line: 9, fields: ['5', '"', 'P'] },
];
const ONLY_P = EVERYTHING.filter((r) => r.line === 1 || ('fields' in r && r.fields[2] === 'P'));

async function records(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, platform?: string) {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(chunks, { platform })) out.push(r);
  return out;
}

describe('chunk boundaries', () => {
  it('reads the same records whatever byte the read chunk ends on (.csv), with and without a platform filter', async () => {
    for (let k = 0; k <= TRICKY.length; k++) {
      const split = [TRICKY.subarray(0, k), TRICKY.subarray(k)];
      expect(await records(split), `split at byte ${k}`).toEqual(EVERYTHING);
      expect(await records(split, 'P'), `split at byte ${k}, platform P`).toEqual(ONLY_P);
    }
    const bytes = [...TRICKY].map((b) => Buffer.from([b]));
    expect(await records(bytes)).toEqual(EVERYTHING);
    expect(await records(bytes, 'P')).toEqual(ONLY_P);
  });

  it('reads the same records whatever byte the compressed chunk ends on (.csv.gz)', async () => {
    const gz = gzipSync(TRICKY);
    for (let k = 0; k <= gz.length; k++) {
      const inflated = Readable.from([gz.subarray(0, k), gz.subarray(k)]).pipe(createGunzip());
      expect(await records(inflated), `compressed split at byte ${k}`).toEqual(EVERYTHING);
    }
  });

  describe('the importer', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase();
    });
    afterAll(async () => t.close());

    it('loses no statement when a chunk ends between the two quotes of "" (the old reader dropped them)', async () => {
      const text = fullSample.toString('latin1');
      const between = [...text.matchAll(/""/g)].map((m) => m.index! + 1);
      expect(between.length).toBeGreaterThan(50);
      for (const k of between) {
        const r = await importDsa(t.db, [csvPart('sor-full-sample.csv', [fullSample.subarray(0, k), fullSample.subarray(k)])]);
        // 11 readable statements, 5 malformed on purpose (dsa.test.ts lists them)
        expect({ k, stored: r.imported + r.duplicates, skipped: r.skipped }).toEqual({ k, stored: 11, skipped: 5 });
      }
    });
  });
});

// A full-layout statement from the sample (line 2), with its own id, facts and platform.
const [HEADER, TEMPLATE] = fullSample.toString('utf8').split('\n');
const statement = (n: number, facts: string, platform = 'ExampleTok') =>
  TEMPLATE!.replace('3f1c0b1e-0001-4a6b-9a50-0c6f1a000001', `5b000000-0000-4000-8000-${String(n).padStart(12, '0')}`)
    .replace('Reviewed against the community guidelines.', facts)
    .replace(',ExampleTok,', `,${platform},`);

describe('malformed rows', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t.close());

  it('reports a backslash-escaped quote or an extra field with its line, and reads the next row whole', async () => {
    const csv = [
      HEADER, //                                                   line 1
      statement(1, '"Plain, with a comma"'), //                    line 2
      statement(2, '"He wrote \\"stop\\" twice"'), //                line 3: backslash-escaped quotes
      statement(3, '"After the bad row"'), //                      line 4
      `${statement(4, 'fine')},one too many`, //                   line 5: 38 fields
      statement(5, '"Two\nlines"'), //                             lines 6–7
      statement(6, '"Ends \\"\nacross lines\\" here"'), //         lines 8–9: backslash quote, then a newline
      statement(7, 'last'), //                                     line 10
      '',
    ].join('\n');
    const r = await importDsa(t.db, [csvPart('bad.csv', [csv])]);
    expect(r.skippedExamples).toEqual([
      { file: 'bad.csv', line: 3, reason: 'malformed CSV row', detail: 'a quote inside a quoted field is not doubled (escaped with a backslash?): the field ends early' },
      { file: 'bad.csv', line: 5, reason: 'wrong number of fields', detail: 'has 38 fields, the header has 37' },
      // "Ends \" closes the field (RFC 4180) and the newline ends the record: two pieces, each reported
      { file: 'bad.csv', line: 8, reason: 'wrong number of fields', detail: 'has 30 fields, the header has 37' },
      { file: 'bad.csv', line: 9, reason: 'malformed CSV row', detail: 'a quote in the middle of an unquoted field (the rest of a row broken by a backslash-escaped quote?)' },
    ]);
    expect(r).toMatchObject({ rows: 8, imported: 4, skipped: 4 });
    // the rows after each bad one are whole: their own id and their own facts
    const ids = await t.db.select<{ id: string }>('test.ids', "SELECT right(decision_id, 1) AS id FROM moderation_decisions WHERE decision_id LIKE 'dsa-5b%' ORDER BY id");
    expect(ids.map((x) => x.id)).toEqual(['1', '3', '5', '7']);
  });
});

describe('daily dumps', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dsa-test-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const zip = (entries: [string, Buffer][]) =>
    new Promise<Buffer>((resolve, reject) => {
      const z = new yazl.ZipFile();
      for (const [name, data] of entries) z.addBuffer(data, name);
      z.end();
      const parts: Buffer[] = [];
      z.outputStream.on('data', (b: Buffer) => parts.push(b)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
    });

  // another platform's rows: one readable, one with a category no DSA list has (would be skipped if validated)
  const otherPlatform = [HEADER, statement(21, 'other', 'OtherApp'), statement(22, 'other', 'OtherApp').replace('STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'MADE_UP'), ''].join('\n');

  it('reads a zip of zipped CSV parts in place, part by part', async () => {
    const file = path.join(dir, 'sor-global-2025-03-10-full.zip');
    fs.writeFileSync(file, await zip([
      ['sor-global-2025-03-10-full-00000.csv.zip', await zip([['sor-global-2025-03-10-full-00000.csv', fullSample]])],
      ['sor-global-2025-03-10-full-00001.csv.zip', await zip([['sor-global-2025-03-10-full-00001.csv', Buffer.from(otherPlatform)]])],
      ['sor-global-2025-03-10-light-00000.csv.gz', gzipSync(lightSample)],
      ['README.txt', Buffer.from('not statements')],
    ]));
    const skipped: SkippedRow[] = [];
    const r = await importDsa(t.db, dumpParts(file), { onSkip: (s) => skipped.push(s) });
    expect(r.parts).toEqual([
      { file: 'sor-global-2025-03-10-full.zip/sor-global-2025-03-10-full-00000.csv.zip/sor-global-2025-03-10-full-00000.csv', layout: 'full', rows: 16 },
      { file: 'sor-global-2025-03-10-full.zip/sor-global-2025-03-10-full-00001.csv.zip/sor-global-2025-03-10-full-00001.csv', layout: 'full', rows: 2 },
      { file: 'sor-global-2025-03-10-full.zip/sor-global-2025-03-10-light-00000.csv.gz', layout: 'light', rows: 4 },
    ]);
    // full sample: 11 + 5 skipped; other platform: 1 + 1 skipped; light: 3 new + 1 already in the full sample
    expect(r).toMatchObject({ rows: 22, otherPlatforms: 0, imported: 15, duplicates: 1, skipped: 6 });
    expect(skipped.map((s) => `${s.file.split('/').at(-1)}:${s.line}`)).toEqual([
      'sor-global-2025-03-10-full-00000.csv:14', 'sor-global-2025-03-10-full-00000.csv:15', 'sor-global-2025-03-10-full-00000.csv:16',
      'sor-global-2025-03-10-full-00000.csv:17', 'sor-global-2025-03-10-full-00000.csv:18', 'sor-global-2025-03-10-full-00001.csv:3',
    ]);
  });

  it('with --platform, leaves other platforms out before validation', async () => {
    const file = path.join(dir, 'mixed.zip');
    fs.writeFileSync(file, await zip([['mixed-00000.csv.zip', await zip([['mixed-00000.csv', Buffer.from(otherPlatform)]])]]));
    const r = await importDsa(t.db, dumpParts(file), { platform: 'ExampleTok' });
    // OtherApp's bad category is not a skip: the row is another platform's
    expect(r).toMatchObject({ rows: 2, otherPlatforms: 2, imported: 0, duplicates: 0, skipped: 0 });
    const only = await importDsa(t.db, dumpParts(file), { platform: 'OtherApp' });
    expect(only).toMatchObject({ rows: 2, otherPlatforms: 0, duplicates: 1, skipped: 1, skippedByReason: { 'unknown category': 1 } });
  });

  it('keeps counts per reason and only the first examples of skipped rows', async () => {
    const many = [HEADER, ...Array.from({ length: 50 }, (_, i) => statement(100 + i, 'x').replace('"[""DE""]"', '"[""US""]"')), ''].join('\n');
    let seen = 0;
    const r = await importDsa(t.db, [csvPart('many.csv', [many])], { examples: 3, onSkip: () => seen++ });
    expect(r.skippedByReason).toEqual({ 'territorial_scope has a code outside the EEA': 50 });
    expect(r.skippedExamples.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(seen).toBe(50);
  });
});

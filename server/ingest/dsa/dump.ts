// The CSV parts of a statement-of-reasons dump, read where they are: a .csv, a .csv.gz, or a daily
// dump as published — a zip of zipped CSV parts (a zip may also hold .csv or .csv.gz parts
// directly). Zips are read with yauzl (a maintained, streaming zip reader that checks the central
// directory); an inner zip is copied to a temporary file first, because a zip is read from its end,
// and removed as soon as its parts are read. Nothing is held in memory beyond a read buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';

export interface CsvPart {
  /** the file, or its path inside the dump (outer.zip/inner.zip/part.csv) */
  name: string;
  chunks: AsyncIterable<Buffer | string>;
}

const READ_BUFFER = 1 << 20;

/** One in-memory or already open CSV, as a single part. */
export function csvPart(name: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): CsvPart {
  return { name, chunks: (async function* () { yield* chunks; })() };
}

export async function* dumpParts(file: string): AsyncGenerator<CsvPart> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) yield* zipParts(file, path.basename(file));
  else if (lower.endsWith('.gz')) yield { name: path.basename(file), chunks: fs.createReadStream(file, { highWaterMark: READ_BUFFER }).pipe(createGunzip({ chunkSize: READ_BUFFER })) };
  else yield { name: path.basename(file), chunks: fs.createReadStream(file, { highWaterMark: READ_BUFFER }) };
}

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z!))));
const openEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s!))));

/** The entries of a zip, one at a time (the next is read only when asked for). */
async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => done(null, e);
      const onEnd = () => done(null, null);
      const onError = (e: Error) => done(e, null);
      const done = (e: Error | null, entry: yauzl.Entry | null) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        if (e) reject(e);
        else resolve(entry);
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

async function* zipParts(file: string, name: string): AsyncGenerator<CsvPart> {
  const zip = await openZip(file);
  try {
    for await (const entry of entries(zip)) {
      const inner = entry.fileName;
      const lower = inner.toLowerCase();
      if (inner.endsWith('/')) continue; // a folder
      if (lower.endsWith('.zip')) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dsa-'));
        const copy = path.join(dir, 'part.zip');
        try {
          await pipeline(await openEntry(zip, entry), fs.createWriteStream(copy));
          yield* zipParts(copy, `${name}/${inner}`);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      } else if (lower.endsWith('.csv')) {
        yield { name: `${name}/${inner}`, chunks: await openEntry(zip, entry) as AsyncIterable<Buffer> };
      } else if (lower.endsWith('.csv.gz')) {
        yield { name: `${name}/${inner}`, chunks: (await openEntry(zip, entry)).pipe(createGunzip({ chunkSize: READ_BUFFER })) };
      }
      // anything else in a dump (a README, checksums) is not statements
    }
  } finally {
    zip.close();
  }
}

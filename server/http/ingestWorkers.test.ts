// The ingestion route with its validation workers: a bad record is refused with its line and
// field as before, and a worker that dies while it holds a batch fails that batch with 503 and
// writes nothing of it; the producer's re-send is then stored. On the real embedded engine.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { ingestRouter } from './ingestRoutes.js';
import { ValidationPool } from '../ingest/validationPool.js';
import { streamByName } from '../ingest/streams.js';
import type { IngestTokens } from '../auth/ingestTokens.js';

let t: TestDatabase;
let server: Server;
let url = '';
const pool = new ValidationPool(1, fileURLToPath(new URL('../testing/dyingValidationWorker.ts', import.meta.url)));
beforeAll(async () => {
  t = await openTestDatabase();
  const app = express();
  // any bearer is a producer's: this tests validation, not tokens
  const tokens = { check: async () => ({ ok: true, token: { id: 'test' } }) } as unknown as IngestTokens;
  app.use(ingestRouter({ db: t.db, log: t.log, tokens, validation: pool, config: { maxBytes: 1 << 20, maxRows: 100, ratePerSecond: 1000, burst: 1000 } }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest/v1/moderation-decisions`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await pool.close();
  await t.close();
});

const example = streamByName.get('moderation-decisions')!.example;
const push = async (lines: string[]) => {
  const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const stored = async (prefix: string) =>
  (await t.db.select<{ n: number }>('test.count', 'SELECT count() AS n FROM moderation_decisions WHERE startsWith(decision_id, {p:String})', { p: prefix }))[0]!.n;

describe('ingestion route with validation workers', () => {
  it('refuses a batch with a bad record: 422, its line and field, nothing written', async () => {
    const r = await push([JSON.stringify({ ...example, decision_id: 'iw-1' }), JSON.stringify({ ...example, decision_id: 'iw-2', action: 'vaporised' })]);
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ line: 2, field: 'action', message: expect.stringMatching(/^must be one of /) }]);
    expect(await stored('iw-')).toBe(0);
  });

  it('answers 503 and writes nothing when the worker holding the batch dies; the re-send is stored', async () => {
    const batch = [JSON.stringify({ ...example, decision_id: 'iw-3' }), JSON.stringify({ ...example, decision_id: 'iw-4', content_id: 'die' })];
    const r = await push(batch);
    expect(r.status).toBe(503);
    expect(r.body.error).toBe('The batch could not be checked (a validation worker stopped). Nothing was written: send it again.');
    expect(await stored('iw-')).toBe(0);
    const again = await push(batch.map((l) => l.replace('"die"', '"c-4"')));
    expect(again).toEqual({ status: 200, body: { stream: 'moderation-decisions', received: 2, accepted: 2, duplicates: 0 } });
    expect(await stored('iw-')).toBe(2);
  });
});

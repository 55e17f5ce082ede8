// POST /ingest/v1/<stream>: producers push NDJSON (or a JSON array), optionally gzip-compressed.
// Answers: 200 {stream, received, accepted, duplicates} once the rows are stored; 400 for a body
// that is not valid gzip; 401 without a valid token; 403 with a token for other streams; 404 for
// an unknown stream; 413 over the size or row limit (checked while the body arrives); 415 for another content
// type or encoding; 422 with the first errors when any row is invalid (nothing is written);
// 429 with Retry-After over the rate; 503 when the database failed (retry the events, in any grouping).
import { type Request, type Response, type NextFunction, Router } from 'express';
import type { IngestConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { DatabaseError } from '../db/database.js';
import type { Logger } from '../log.js';
import { STREAMS, jsonSchemaOf, streamByName, type StreamDef } from '../ingest/streams.js';
import { readBatchText, type TextRead } from '../ingest/readBatch.js';
import { ValidationPool, ValidationWorkerError } from '../ingest/validationPool.js';
import type { PreparedRequest } from '../ingest/prepareRequest.js';
import { Ingestor } from '../ingest/ingest.js';
import type { IngestTokens } from '../auth/ingestTokens.js';
import { RateLimiter } from '../auth/rateLimiter.js';
import type { SharedLedger } from '../db/sharedLedger.js';
import { ProcessLanes, SharedLanes } from '../ingest/lanes.js';

const CONTENT_TYPES: Record<string, 'ndjson' | 'json'> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/json': 'json',
};

export function ingestRouter(opts: {
  db: Database; log: Logger; config: IngestConfig; tokens: IngestTokens; ledger?: SharedLedger;
  /** the stored rows' dimension values, each combination once (prepareRequest.ts catalogueRows) */
  onIngested?: (stored: { table: string; records: readonly Record<string, unknown>[] }) => void;
  /** the threads that parse and validate bodies (default: one per core, at most four) */
  validation?: ValidationPool;
}): Router {
  const { config, log } = opts;
  const router = Router();
  const validation = opts.validation ?? new ValidationPool();
  // with a shared ledger, a lane is one writer at a time across every server, not only this one
  const ingestor = new Ingestor(opts.db, opts.ledger?.kind === 'clickhouse' ? new SharedLanes(opts.ledger) : new ProcessLanes());
  const limiter = new RateLimiter(config.ratePerSecond, config.burst, opts.ledger, 'token');

  router.get('/ingest/v1/streams', (_req, res) => {
    res.json({ streams: STREAMS.map((s) => ({ name: s.name, table: s.table, description: s.description, schema: jsonSchemaOf(s) })) });
  });

  const stream = (req: Request, res: Response, next: NextFunction) => {
    const s = streamByName.get(String(req.params.stream));
    if (!s) {
      res.status(404).json({ error: `Unknown stream "${String(req.params.stream).slice(0, 40)}". Streams: ${STREAMS.map((x) => x.name).join(', ')}.` });
      return;
    }
    res.locals.stream = s;
    next();
  };

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const presented = /^Bearer (.{1,200})$/.exec(header)?.[1];
    const check = presented ? await opts.tokens.check(presented, (res.locals.stream as StreamDef).name) : null;
    if (!check?.ok) {
      if (check?.reason === 'stream') {
        res.status(403).json({ error: `This ingestion token may not push to ${(res.locals.stream as StreamDef).name}; an admin can create one that may.` });
      } else {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing, invalid or revoked ingestion token (Authorization: Bearer <token>).' });
      }
      return;
    }
    const wait = await limiter.take(check.token.id);
    if (wait > 0) {
      res.status(429).set('Retry-After', String(Math.ceil(wait))).json({ error: `Too many requests for this token: at most ${config.burst} in ${config.burst / config.ratePerSecond} s (${config.ratePerSecond} per second on average).` });
      return;
    }
    next();
  };

  const contentType = (req: Request, res: Response, next: NextFunction) => {
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CONTENT_TYPES[type]) {
      res.status(415).json({ error: `Content-Type must be application/x-ndjson (one event per line) or application/json (an array); got "${type.slice(0, 60)}".` });
      return;
    }
    const encoding = (req.get('content-encoding') ?? 'identity').toLowerCase();
    if (!['identity', 'gzip'].includes(encoding)) {
      res.status(415).json({ error: `Content-Encoding must be gzip or none; got "${encoding.slice(0, 30)}".` });
      return;
    }
    res.locals.format = CONTENT_TYPES[type];
    next();
  };

  router.post(
    '/ingest/v1/:stream',
    stream,
    authenticate,
    contentType,
    async (req: Request, res: Response) => {
      const s = res.locals.stream as StreamDef;
      const gzip = (req.get('content-encoding') ?? 'identity').toLowerCase() === 'gzip';
      const declared = Number(req.get('content-length') ?? 0);
      if (!gzip && declared > config.maxBytes) {
        res.status(413).set('Connection', 'close').json({ error: `At most ${config.maxBytes} bytes per batch (after decompression). Split it.` });
        req.resume();
        return;
      }
      // the limits apply while the body arrives, after decompression: a small gzip bomb stops
      // being read at the first byte or event over them
      let read: TextRead;
      try {
        read = await readBatchText(req, { gzip, format: res.locals.format, maxBytes: config.maxBytes, maxRows: config.maxRows });
      } catch {
        if (!res.headersSent) res.status(400).json({ error: 'The body could not be read.' });
        return;
      }
      if (!read.ok) {
        // the rest of the body is not read: close the connection after the answer
        res.status(read.status).set('Connection', 'close').json({ error: read.error });
        return;
      }
      // parsed, validated and serialised by a worker thread: this one stays free for the engine
      let prepared: PreparedRequest;
      try {
        prepared = await validation.run({ stream: s.name, format: res.locals.format, text: read.text, now: Date.now() / 1000 });
      } catch (e) {
        log.error({ err: (e as Error).message, stream: s.name }, 'ingestion validation failed');
        const why = e instanceof ValidationWorkerError ? 'a validation worker stopped' : 'validation failed';
        res.status(503).json({ error: `The batch could not be checked (${why}). Nothing was written: send it again.` });
        return;
      }
      if (!prepared.ok) {
        if (prepared.empty) res.status(422).json({ error: 'The batch is empty.', errors: [] });
        else res.status(422).json({ error: `The batch was rejected: ${prepared.errors.length >= 100 ? '100 or more' : prepared.errors.length} problems. Nothing was written.`, errors: prepared.errors });
        return;
      }
      try {
        const result = await ingestor.ingest(s, prepared.batch);
        if (result.accepted > 0) opts.onIngested?.({ table: s.table, records: prepared.catalogue });
        res.json(result);
      } catch (e) {
        const queryId = e instanceof DatabaseError ? e.queryId : undefined;
        log.error({ err: (e as Error).message, stream: s.name, queryId }, 'ingestion failed');
        res.status(503).json({ error: 'The database did not store the batch. Send its events again, grouped as you like: retries never double-count.', queryId });
      }
    },
  );
  return router;
}

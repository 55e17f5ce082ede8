// Writes a validated batch exactly once: events already accepted are skipped, the rest are
// inserted with a deduplication token derived from their ids, then remembered (see migration
// 0006 for why this survives a crash at any point and a retry of the same batch).
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { run } from '../queries/metricQuery.js';
import { SEEN_COLUMNS, deduplicatedInsertSql, seenStatement } from '../queries/ingestQueries.js';
import { toClickHouseDateTime } from '../domain/time.js';
import type { StreamDef } from './streams.js';
import type { ValidBatch } from './validate.js';

export interface IngestResult {
  stream: string;
  received: number;
  accepted: number;
  duplicates: number;
}

export class Ingestor {
  /** One batch at a time per lane (a stream, or streams that must not interleave, see StreamDef.lane):
   *  the check of accepted ids and the insert must not interleave. */
  private tails = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Database) {}

  ingest(stream: StreamDef, batch: ValidBatch): Promise<IngestResult> {
    const lane = stream.lane ?? stream.name;
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(stream, batch));
    this.tails.set(lane, next);
    return next;
  }

  private async write(stream: StreamDef, batch: ValidBatch): Promise<IngestResult> {
    const received = batch.rows.length + batch.repeats;
    const ids = batch.rows.map((r) => r.eventId);
    const seen = new Set<string>();
    // look ids up in chunks: one statement per batch would be huge, and each answer must stay
    // under the result-size limit of reads
    const chunk = Math.min(5000, this.db.limits.maxResultRows);
    for (let i = 0; i < ids.length; i += chunk) {
      for (const r of await run<{ event_id: string }>(this.db, seenStatement(stream.name, ids.slice(i, i + chunk)))) seen.add(r.event_id);
    }
    const fresh = batch.rows.filter((r) => !seen.has(r.eventId));
    if (fresh.length > 0) {
      const token = createHash('sha256').update(`${stream.name}\n${fresh.map((r) => r.eventId).sort().join('\n')}`).digest('hex');
      const columns = Object.keys(fresh[0]!.record);
      await this.db.insertJsonWith(`ingest.${stream.table}`, deduplicatedInsertSql(stream.table, columns, token), fresh.map((r) => r.record));
      const at = toClickHouseDateTime(Math.floor(Date.now() / 1000));
      await this.db.insertJsonWith(
        'ingest.seen',
        deduplicatedInsertSql('ingest_seen', SEEN_COLUMNS, `${token}-seen`),
        fresh.map((r) => ({ stream: stream.name, event_id: r.eventId, batch_token: token, at })),
      );
    }
    return { stream: stream.name, received, accepted: fresh.length, duplicates: received - fresh.length };
  }
}

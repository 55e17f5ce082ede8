// Writes a validated batch exactly once, whatever grouping the producer re-sends after a failure:
// the batch's new events go to the journal first (one row: their ids and the raw table's rows as
// text), and the raw table and ingest_seen are written from exactly that text with the batch's own
// deduplication token. A batch left unfinished (by a crash or a database failure) is completed
// from the journal before the next batch of its stream is checked against the seen ids, and at
// start-up (migrations 0014 and 0020 explain why this holds). One statement per table per batch.
// Group commit: batches of one stream that arrive while its lane is busy wait together and are
// then written as ONE journaled batch (one look-up, one journal row, one insert per table), each
// producer answered with its own counts once the group is stored. The engine's cost of an insert
// is mostly per statement (parts of the raw table and of each rollup), not per row, so several
// producers share it. A group is one journaled batch like any other: replayed whole from its text.
// Several servers writing one database share their lanes (lanes.ts SharedLanes): then a lane has one
// writer at a time across all of them, and each reads the unfinished batches of the stream anew
// from the journal before checking a batch — whichever server left them, it completes them.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { run } from '../queries/statements.js';
import {
  BATCH_JOURNAL_INSERT, EMPTY_BATCH_DONE_SQL, HAS_JOURNAL, UNFINISHED_BATCHES, batchJournalStatement, bodyFormat, journalColumnsStatement, journalLine,
  journalTupleType, rawFromJournalSql, rawInsert, seenFromJournalSql, seenInsert, seenRows, seenStatement, type JournalColumn, type JournaledBatch,
} from '../queries/ingestQueries.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { streamByName, type FieldType, type StreamDef } from './streams.js';
import type { ValidBatch } from './validate.js';
import { ProcessLanes, type IngestLanes } from './lanes.js';
import { ROW_FORMAT, prepareBatch, rowHeader, type PreparedBatch } from './rowText.js';

export type { PreparedBatch } from './rowText.js';

/** Most rows one group write carries: bounds the memory and the wait of the first producer. */
export const GROUP_MAX_ROWS = 80_000;

interface Waiting {
  stream: StreamDef;
  batch: PreparedBatch;
  resolve: (r: IngestResult) => void;
  reject: (e: unknown) => void;
}

export interface IngestResult {
  stream: string;
  received: number;
  accepted: number;
  duplicates: number;
}

/** How a row journal's (before 0020) field is read back: the validated value's type (the insert converts it). */
const JOURNAL_TYPE: Record<FieldType['kind'] | 'derived', string> = {
  id: 'String', name: 'String', dimension: 'String', enum: 'String', enumList: 'Array(String)', time: "DateTime('UTC')", uint: 'UInt32', probability: 'Float64', bool: 'UInt8', derived: 'String',
};

function journalColumns(stream: StreamDef, names: readonly string[]): JournalColumn[] {
  const kinds = new Map(stream.fields.map((f) => [f.name, f.type.kind]));
  return names.map((name) => ({ name, type: JOURNAL_TYPE[kinds.get(name) ?? 'derived'] }));
}

interface Unfinished {
  stream: StreamDef;
  /** known when this process journaled the batch; read from the journal otherwise */
  batch: JournaledBatch | null;
}

export class Ingestor {
  /** Batches journaled (or maybe journaled) and not known to be done, by batch token. */
  private unfinished = new Map<string, Unfinished>();
  /** Streams whose unfinished batches are already queued for completion. */
  private finishing = new Set<string>();
  private loaded: Promise<void> | null = null;
  /** Batches waiting for their lane, by lane, in arrival order; a lane with some has a turn queued. */
  private waiting = new Map<string, Waiting[]>();
  /** Writes of groups so far (tests read it: concurrent batches share writes). */
  groupsWritten = 0;

  /** `lanes`: one batch at a time per lane (a stream, or streams that must not interleave, see
   *  StreamDef.lane): the check of accepted ids and the writes must not interleave. */
  constructor(
    private readonly db: Database,
    private readonly lanes: IngestLanes = new ProcessLanes(),
    private readonly groupMaxRows = GROUP_MAX_ROWS,
  ) {}

  /** Stores the batch's new events; resolves once they are stored (with the batches it was grouped with). */
  ingest(stream: StreamDef, batch: ValidBatch | PreparedBatch): Promise<IngestResult> {
    const prepared = 'lines' in batch ? batch : prepareBatch(stream, batch);
    const lane = stream.lane ?? stream.name;
    return new Promise<IngestResult>((resolve, reject) => {
      const queue = this.waiting.get(lane);
      if (queue) queue.push({ stream, batch: prepared, resolve, reject });
      else {
        this.waiting.set(lane, [{ stream, batch: prepared, resolve, reject }]);
        this.takeTurn(lane);
      }
    });
  }

  /**
   * Queues one turn of the lane: when it comes, the batches then waiting of the first one's stream
   * (up to groupMaxRows) are written together; those left wait for the next turn.
   */
  private takeTurn(lane: string): void {
    void this.lanes.run(lane, async () => {
      const queue = this.waiting.get(lane) ?? [];
      const stream = queue[0]!.stream;
      const group: Waiting[] = [];
      const rest: Waiting[] = [];
      let rows = 0;
      for (const w of queue) {
        if (w.stream === stream && (group.length === 0 || rows + w.batch.ids.length <= this.groupMaxRows)) {
          group.push(w);
          rows += w.batch.ids.length;
        } else rest.push(w);
      }
      if (rest.length > 0) {
        this.waiting.set(lane, rest);
        this.takeTurn(lane);
      } else this.waiting.delete(lane);
      try {
        const results = await this.write(stream, group.map((w) => w.batch));
        group.forEach((w, i) => w.resolve(results[i]!));
      } catch (e) {
        for (const w of group) w.reject(e);
      }
    }).catch((e: unknown) => {
      // the lane itself failed (a shared lane that stayed busy): every batch waiting for this turn fails
      const queue = this.waiting.get(lane);
      if (!queue) return;
      this.waiting.delete(lane);
      for (const w of queue) w.reject(e);
    });
  }

  /** Completes every batch a previous run left unfinished; returns how many. Run at start-up. */
  async finishUnfinished(): Promise<number> {
    await this.load();
    const streams = new Set([...this.unfinished.values()].map((u) => u.stream));
    const counts = await Promise.all([...streams].map((s) => this.lanes.run(s.lane ?? s.name, () => this.finish(s))));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The unfinished batches of earlier runs, read once. */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const [has] = await run<{ n: string }>(this.db, HAS_JOURNAL);
      if (Number(has?.n ?? 0) === 0) return;
      await this.readUnfinished(null);
    })().catch((e: unknown) => {
      this.loaded = null;
      throw e;
    });
    return this.loaded;
  }

  /**
   * The journal's unfinished batches (of one stream, or all): added to those known. With shared
   * lanes, for one stream, the journal's list replaces this process's (another server may have
   * completed some), keeping the batches this process journaled itself.
   */
  private async readUnfinished(only: StreamDef | null): Promise<void> {
    const found = new Set<string>();
    for (const b of await run<{ stream: string; batch_token: string }>(this.db, UNFINISHED_BATCHES)) {
      const stream = streamByName.get(b.stream);
      if (!stream || (only && stream !== only)) continue;
      found.add(b.batch_token);
      if (!this.unfinished.has(b.batch_token)) this.unfinished.set(b.batch_token, { stream, batch: null });
    }
    if (only) for (const [token, u] of this.unfinished) if (u.stream === only && !found.has(token)) this.unfinished.delete(token);
  }

  /** Completes the stream's unfinished batches, oldest first; throws if one cannot be. */
  private async finish(stream: StreamDef): Promise<number> {
    if (this.lanes.shared) await this.readUnfinished(stream);
    let done = 0;
    for (const [token, u] of [...this.unfinished]) {
      if (u.stream !== stream) continue;
      await this.complete(stream, token, u.batch);
      this.unfinished.delete(token);
      done++;
    }
    return done;
  }

  /** Steps 2 and 3 from the journal; replaying them after a partial write adds only what is missing. */
  private async complete(stream: StreamDef, token: string, known: JournaledBatch | null): Promise<void> {
    let batch = known;
    if (!batch) {
      const [row] = await run<{ ids: string; body: string; at: string; format: string }>(this.db, batchJournalStatement(stream.name, token));
      if (!row) return this.completeFromRowJournal(stream, token);
      batch = { ids: row.ids.split('\n'), body: row.body, at: row.at, format: bodyFormat(row.format) };
    }
    await this.db.insertText(`ingest.${stream.table}`, rawInsert(stream.table, token, batch.format), batch.body);
    await this.db.insertText('ingest.seen', seenInsert(token), seenRows(stream.name, token, batch));
  }

  /** A batch journaled row by row by a version before migration 0020, completed the way it then was. */
  private async completeFromRowJournal(stream: StreamDef, token: string): Promise<void> {
    const params = { stream: stream.name, token };
    const [row] = await run<{ columns: string[] }>(this.db, journalColumnsStatement(stream.name, token));
    if (!row) {
      // journaled as a batch but none of its rows is there: nothing was stored, nothing to write
      await this.db.command('ingest.done', EMPTY_BATCH_DONE_SQL, params);
      return;
    }
    const columns = journalColumns(stream, row.columns);
    await this.db.command(`ingest.${stream.table}`, rawFromJournalSql(stream.table, columns, token), { ...params, tuple: journalTupleType(columns) });
    await this.db.command('ingest.seen', seenFromJournalSql(token), params);
  }

  /** Queues the completion of other streams' unfinished batches behind their own writes. */
  private finishOthers(stream: StreamDef): void {
    for (const u of this.unfinished.values()) {
      if (u.stream === stream || this.finishing.has(u.stream.name)) continue;
      const other = u.stream;
      this.finishing.add(other.name);
      // a failure here is reported by the next write of that stream, which completes them first
      void this.lanes.run(other.lane ?? other.name, () => this.finish(other))
        .catch(() => undefined)
        .finally(() => this.finishing.delete(other.name));
    }
  }

  /** Writes batches of one stream as one journaled batch; the results in the batches' order. */
  private async write(stream: StreamDef, batches: readonly PreparedBatch[]): Promise<IngestResult[]> {
    await this.load();
    await this.finish(stream);
    this.finishOthers(stream);
    this.groupsWritten++;
    const seen = new Set<string>();
    // each answer must stay under the result-size limit of reads
    const chunk = this.db.limits.maxResultRows;
    const asked = batches.length === 1 ? batches[0]!.ids : batches.flatMap((b) => b.ids);
    for (let i = 0; i < asked.length; i += chunk) {
      for (const r of await run<{ event_id: string }>(this.db, seenStatement(stream.name, asked.slice(i, i + chunk)))) seen.add(r.event_id);
    }
    // an event in two batches of the group is new in the first only, as if they were written in turn
    const ids: string[] = [];
    const lines: string[] = [];
    const results = batches.map((b) => {
      const received = b.ids.length + b.repeats;
      const fresh = b.ids.filter((id) => !seen.has(id));
      if (fresh.length === b.ids.length) lines.push(b.lines);
      else if (fresh.length > 0) {
        const rows = b.lines.split('\n');
        lines.push(b.ids.flatMap((id, i) => (seen.has(id) ? [] : [`${rows[i]}\n`])).join(''));
      }
      for (const id of fresh) {
        ids.push(id);
        seen.add(id);
      }
      return { stream: stream.name, received, accepted: fresh.length, duplicates: received - fresh.length };
    });
    if (ids.length > 0) {
      const token = randomBytes(16).toString('hex');
      // a field left out of a row (empty) gets the column's DEFAULT from the insert
      const journaled: JournaledBatch = { ids, body: rowHeader(stream) + lines.join(''), format: ROW_FORMAT, at: toClickHouseDateTime(Math.floor(Date.now() / 1000)) };
      // from here on a failure leaves the batch to be completed from the journal, whatever is in it
      this.unfinished.set(token, { stream, batch: journaled });
      await this.db.insertText('ingest.journal', BATCH_JOURNAL_INSERT, journalLine(stream.name, token, journaled));
      await this.complete(stream, token, journaled);
      this.unfinished.delete(token);
    }
    return results;
  }
}

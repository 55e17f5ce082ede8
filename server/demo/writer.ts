// Buffers generated rows (tab-separated numbers) and inserts them in large batches. Lines are
// written straight into byte buffers: keeping millions of small strings alive until a batch is
// sent made garbage collection the demo's largest cost.
import type { Database } from '../db/database.js';
import { loaderTable, type EncodedInsert } from './inserts.js';

const CHUNK_BYTES = 4 << 20;
const NEWLINE = 10;

export class TsvWriter {
  private sealed: Buffer[] = [];
  private sealedBytes = 0;
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;
  private pending: Promise<void> = Promise.resolve();
  private inserts = 0;
  rows = 0;

  readonly table: string;
  private readonly target: string;

  constructor(
    private readonly db: Database,
    insert: EncodedInsert,
    /** Bytes per insert; Infinity holds every row until close(). */
    private readonly batchBytes = 16 << 20,
    /** Makes each insert's deduplication token (<prefix>-<table>-<n>): a repeated load skips what it wrote. */
    private readonly tokenPrefix?: string,
  ) {
    this.table = insert.table;
    this.target = loaderTable(insert);
  }

  /** One row: tab-separated numbers in the order of the insert's input() structure. */
  push(line: string): void {
    if (this.offset + line.length + 1 > CHUNK_BYTES) this.seal();
    this.offset += this.current.write(line, this.offset, 'latin1');
    this.current[this.offset++] = NEWLINE;
    this.rows++;
  }

  /** Sends a full batch; generation of the next batch overlaps with this insert. */
  async maybeFlush(): Promise<void> {
    if (this.sealedBytes + this.offset >= this.batchBytes) await this.flush();
  }

  async flush(): Promise<void> {
    this.seal();
    const body = Buffer.concat(this.sealed, this.sealedBytes);
    this.sealed = [];
    this.sealedBytes = 0;
    await this.pending;
    const token = this.tokenPrefix === undefined ? undefined : `${this.tokenPrefix}-${this.table}-${this.inserts++}`;
    this.pending = this.db.insertTsv(`seed.${this.table}`, this.target, body, token);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pending;
  }

  private seal(): void {
    if (this.offset === 0) return;
    this.sealed.push(this.current.subarray(0, this.offset));
    this.sealedBytes += this.offset;
    this.current = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
  }
}

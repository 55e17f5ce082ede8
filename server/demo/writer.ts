// Buffers generated rows as tab-separated lines and inserts them in large batches.
import type { Database } from '../db/database.js';

export class TsvWriter {
  private lines: string[] = [];
  private pending: Promise<void> = Promise.resolve();
  rows = 0;

  constructor(
    private readonly db: Database,
    readonly table: string,
    private readonly columns: readonly string[],
    private readonly batchRows = 200_000,
  ) {}

  /** Values are numbers (times as Unix seconds) or plain strings without tabs or newlines. */
  push(line: string): void {
    this.lines.push(line);
    this.rows++;
  }

  /** Sends a full batch; generation of the next batch overlaps with this insert. */
  async maybeFlush(): Promise<void> {
    if (this.lines.length >= this.batchRows) await this.flush();
  }

  async flush(): Promise<void> {
    const body = this.lines.length ? this.lines.join('\n') + '\n' : '';
    this.lines = [];
    await this.pending;
    this.pending = this.db.insertTsv(`seed.${this.table}`, this.table, this.columns, body);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pending;
  }
}

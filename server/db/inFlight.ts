// How many statements a connection has at the engine at once (VIGIL_QUERIES_IN_FLIGHT). A ClickHouse
// server runs many in parallel, and sending it the dashboard's statements together uses its cores,
// up to the point where they only queue there. Statements beyond the limit wait their turn here,
// first come first served.

export class InFlightLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** the most statements that were running at once (the tests and the benchmark read it) */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid in-flight limit ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      // hand the slot straight to the next in line, so no newcomer can overtake it
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * The default: eight statements at once to a server. The embedded engine gets no limit of ours:
 * chDB already runs one parameterised statement at a time, process-wide, and lets an insert run
 * beside it; holding an ingestion write back behind reads (or reads behind a write) would only
 * add waiting.
 */
export function defaultInFlight(kind: 'embedded' | 'server'): number | null {
  return kind === 'embedded' ? null : 8;
}

// What the database holds, for start-up decisions (seed the demo?) and the filter bar.
import type { Database } from '../db/database.js';

export async function countModerationDecisions(db: Database): Promise<number> {
  const rows = await db.select<{ n: string }>('status.count_decisions', 'SELECT count() AS n FROM moderation_decisions');
  return Number(rows[0]?.n ?? 0);
}

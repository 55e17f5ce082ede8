// The services a report of a period can be asked for: those with data the report counts in it
// (the Compliance page's service picker). Names come from the data, so only someone who may read
// the report may read them (the caller checks, as for the report itself).
import type { Database } from '../db/database.js';
import { run } from '../queries/statements.js';
import { dsaServicesStatement } from '../queries/dsaQueries.js';
import { reportWindow } from './report.js';

export async function reportServices(db: Database, period: { from: string; to: string }): Promise<string[]> {
  const w = reportWindow({ ...period, service: '' });
  const rows = await run<{ service: string }>(db, dsaServicesStatement(w));
  return rows.map((r) => String(r.service));
}

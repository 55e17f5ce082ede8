// Part 11's qualitative sections: one versioned document per service, period and indicator, kept
// like incident notes (every edit a new version; an edit based on a stale version is refused with
// CONFLICT instead of overwriting someone else's; queries/versionedWrites.ts).
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { run } from '../queries/statements.js';
import { latestVersionStatement } from '../queries/versionedQueries.js';
import { checkExpectedVersion, currentVersion, now64, writeVersion } from '../queries/versionedWrites.js';
import { readTemplate } from '../domain/dsaTemplates.js';
import { badInput, Conflict } from '../domain/errors.js';
import { LONE_SURROGATE } from '../domain/text.js';
import { reportWindow } from './report.js';

const MAX_BODY = 20_000;

/** The document id of an indicator's text: the same service, period and indicator give the same id. */
export function reportTextId(service: string, from: string, to: string, indicator: number): string {
  return `dsa-${createHash('sha256').update(`${service}|${from}|${to}`).digest('hex').slice(0, 16)}-${indicator}`;
}

export interface TextInput {
  service: string;
  from: string;
  to: string;
  /** the row of part 11, 1 to 11 */
  indicator: number;
  body: string;
  /** 0 for a text never written, else the version the edit is based on */
  expectedVersion: number;
}

export async function writeReportText(db: Database, input: TextInput, author: string): Promise<Record<string, unknown>> {
  reportWindow(input);
  const rows = readTemplate(11).rows;
  if (!Number.isInteger(input.indicator) || input.indicator < 1 || input.indicator > rows.length) {
    throw badInput(`indicator must be a row of part 11, from 1 to ${rows.length}; got ${input.indicator}`, 'indicator');
  }
  if (input.body.length > MAX_BODY) throw badInput(`body must be at most ${MAX_BODY} characters`, 'body');
  if (LONE_SURROGATE.test(input.body)) throw badInput('body contains a broken character (half of a UTF-16 surrogate pair)', 'body');
  checkExpectedVersion(input.expectedVersion, 0);
  const id = reportTextId(input.service, input.from, input.to, input.indicator);
  if (input.expectedVersion === 0) {
    const [latest] = await run<Record<string, unknown>>(db, latestVersionStatement('dsa_report_texts', id));
    if (latest) throw new Conflict(`This text was written already (version ${latest.version}). Reload it and apply your edit again.`, Number(latest.version));
  } else await currentVersion(db, 'dsa_report_texts', id, input.expectedVersion, 'DSA report text');
  const version = input.expectedVersion + 1;
  return writeVersion(db, 'dsa_report_texts', id, version, {
    text_id: id, version, service: input.service, period_from: input.from, period_to: input.to, indicator: rows[input.indicator - 1]![3],
    body: input.body, author, is_deleted: 0, updated_at: now64(),
  });
}

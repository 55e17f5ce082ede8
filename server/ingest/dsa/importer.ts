// Loads EU DSA Transparency Database statement-of-reasons CSV dumps (full or light layout) as
// moderation decisions, through the same validation and exactly-once path as the HTTP streams:
// importing a file twice changes nothing. A malformed row is skipped, counted and listed with its
// line; the rest of the file loads.
import type { Database } from '../../db/database.js';
import { streamByName } from '../streams.js';
import { parseBatch, validateBatch } from '../validate.js';
import { Ingestor } from '../ingest.js';
import { readCsv } from './csv.js';
import { actionOf, contentTypeOf, countryOf, detectionOf, enforcementOf, policyOf } from './mapping.js';

export const REQUIRED_COLUMNS = [
  'uuid', 'decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account', 'category', 'content_type',
  'territorial_scope', 'application_date', 'source_type', 'automated_detection', 'automated_decision',
] as const;

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface DsaReport {
  layout: 'full' | 'light';
  rows: number;
  imported: number;
  duplicates: number;
  skipped: number;
  skippedRows: SkippedRow[];
  byPolicy: Record<string, number>;
}

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Array fields are JSON strings in the dumps; a bare value is a list of one. */
function list(value: string): string[] | null {
  const v = value.trim();
  if (v === '') return [];
  if (!v.startsWith('[')) return [v];
  try {
    const parsed = JSON.parse(v);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** "2025-03-01", "2025-03-01 12:00:00" or ISO-8601 -> ISO-8601 in UTC. */
function instant(value: string): string | null {
  const v = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?)?(Z)?$/.exec(v);
  return m ? `${m[1]}T${m[2] ?? '00:00:00'}Z` : null;
}

type Mapped = { event: Record<string, unknown> } | { skip: string };

function mapStatement(get: (column: string) => string): Mapped {
  const uuid = get('uuid');
  if (!ID.test(uuid)) return { skip: 'uuid is missing or not an id' };
  const lists: Record<string, string[]> = {};
  for (const column of ['decision_visibility', 'content_type', 'territorial_scope', 'category_specification']) {
    const l = list(get(column));
    if (l === null) return { skip: `${column} is not a JSON array of strings` };
    lists[column] = l;
  }
  const policy = policyOf(get('category'), lists.category_specification!);
  if ('skip' in policy) return policy;
  const country = countryOf(lists.territorial_scope!);
  if ('skip' in country) return country;
  const decided = instant(get('application_date'));
  if (!decided) return { skip: `application_date ${JSON.stringify(get('application_date').slice(0, 30))} is not a date` };
  const posted = get('content_date') ? instant(get('content_date')) : decided;
  if (!posted) return { skip: `content_date ${JSON.stringify(get('content_date').slice(0, 30))} is not a date` };
  const detection = detectionOf(get('source_type'), get('automated_detection'));
  if (!detection) return { skip: `source_type ${JSON.stringify(get('source_type').slice(0, 40))} is unknown` };
  const path = enforcementOf(get('automated_decision'));
  if (!path) return { skip: `automated_decision ${JSON.stringify(get('automated_decision').slice(0, 40))} is unknown` };
  const platformUid = get('platform_uid');
  return {
    event: {
      decision_id: `dsa-${uuid}`,
      content_id: ID.test(platformUid) ? platformUid : `dsa-${uuid}`,
      // the database has no flag time: time to action reads content date -> application date
      posted_at: posted, flagged_at: posted, decided_at: decided,
      country: country.country, policy: policy.policy, content_type: contentTypeOf(lists.content_type!),
      detection_source: detection, enforcement_path: path,
      action: actionOf({ visibility: lists.decision_visibility!, account: get('decision_account'), provision: get('decision_provision'), monetary: get('decision_monetary') }),
      // views are not published: 1 keeps these decisions out of "removed before any views"
      views_at_action: 1,
      // the dump's dates are days: no reaction time can be read from them
      time_precision: 'day',
    },
  };
}

export async function importDsa(db: Database, chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, batchSize = 5000): Promise<DsaReport> {
  const stream = streamByName.get('moderation-decisions')!;
  const ingestor = new Ingestor(db);
  const report: DsaReport = { layout: 'light', rows: 0, imported: 0, duplicates: 0, skipped: 0, skippedRows: [], byPolicy: {} };
  let header: string[] | null = null;
  let index = new Map<string, number>();
  let batch: Record<string, unknown>[] = [];
  const skip = (line: number, reason: string) => {
    report.skipped++;
    report.skippedRows.push({ line, reason });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const valid = validateBatch(stream, parseBatch(batch.map((e) => JSON.stringify(e)).join('\n'), 'ndjson'));
    const r = await ingestor.ingest(stream, valid);
    report.imported += r.accepted;
    report.duplicates += r.duplicates;
    batch = [];
  };
  for await (const record of readCsv(chunks)) {
    if (!header) {
      header = record.fields.map((h) => h.trim().replace(/^\uFEFF/, ''));
      index = new Map(header.map((h, i) => [h, i]));
      const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
      if (missing.length) throw new Error(`not a statement-of-reasons file: the header lacks ${missing.join(', ')}`);
      report.layout = index.has('decision_facts') ? 'full' : 'light';
      continue;
    }
    report.rows++;
    if (record.unterminated) {
      skip(record.line, 'a quoted field is never closed (the rest of the file is part of it)');
      continue;
    }
    if (record.fields.length !== header.length) {
      skip(record.line, `has ${record.fields.length} fields, the header has ${header.length}`);
      continue;
    }
    const mapped = mapStatement((column) => record.fields[index.get(column) ?? -1] ?? '');
    if ('skip' in mapped) {
      skip(record.line, mapped.skip);
      continue;
    }
    // the same rules as any producer's event (dates in range, content before decision, …)
    const check = validateBatch(stream, parseBatch(JSON.stringify(mapped.event), 'ndjson'));
    if (check.errors.length) {
      skip(record.line, check.errors.map((e) => `${e.field ? `${e.field} ` : ''}${e.message}`).join('; '));
      continue;
    }
    const policy = String(mapped.event.policy);
    report.byPolicy[policy] = (report.byPolicy[policy] ?? 0) + 1;
    batch.push(mapped.event);
    if (batch.length >= batchSize) await flush();
  }
  if (!header) throw new Error('the file is empty');
  await flush();
  return report;
}

// Loads EU DSA Transparency Database statement-of-reasons dumps (full or light layout, one CSV or
// the parts of a daily zip) as moderation decisions, through the same validation and exactly-once
// path as the HTTP streams: importing a dump twice changes nothing. Every DSA value the
// transparency report counts is kept as filed (category, keywords, legal ground, every
// restriction, account type, platform, language, member states); Vigil's own dimensions are read
// from them (mapping.ts), and a statement no policy soundly covers is imported as 'unmapped'.
// A malformed row is skipped and reported, never the file; the report keeps counts per reason and
// the first examples, not every skipped row (a day holds up to 135 million statements).
import type { Database } from '../../db/database.js';
import { streamByName } from '../streams.js';
import { validateBatch, type ValidBatch } from '../validate.js';
import { Ingestor } from '../ingest.js';
import {
  ACCOUNT_TYPES, EU_CATEGORY_CODES, EU_KEYWORD_CODES, LANGUAGE_CODES, LEGAL_GROUNDS, RESTRICTIONS,
} from '../../domain/dsaVocabulary.js';
import { readCsvRecords } from './records.js';
import { actionOf, contentTypeOf, countryOf, detectionOf, enforcementOf, memberStatesOf, policyOf, serviceOf } from './mapping.js';
import type { CsvPart } from './dump.js';

export const REQUIRED_COLUMNS = [
  'uuid', 'decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account', 'category', 'content_type',
  'territorial_scope', 'application_date', 'source_type', 'automated_detection', 'automated_decision',
] as const;

export interface SkippedRow {
  /** the CSV part (file name inside the dump) */
  file: string;
  line: number;
  /** the kind of problem: what the report counts by */
  reason: string;
  /** this row's values */
  detail: string;
}

export interface DsaReport {
  parts: { file: string; layout: 'full' | 'light'; rows: number }[];
  /** statements read, all platforms */
  rows: number;
  /** with --platform: statements of other platforms, left out before validation */
  otherPlatforms: number;
  imported: number;
  duplicates: number;
  skipped: number;
  /** skipped statements by reason */
  skippedByReason: Record<string, number>;
  /** the first skipped statements (options.examples of them) */
  skippedExamples: SkippedRow[];
  /** statements imported or already there, by Vigil policy ('unmapped' included) */
  byPolicy: Record<string, number>;
}

export interface ImportOptions {
  /** import only this platform's statements (platform_name, exactly) */
  platform?: string;
  /** rows per write (default 10,000) */
  batchSize?: number;
  /** skipped rows kept as examples in the report (default 100) */
  examples?: number;
  /** every skipped row, as it is found (e.g. to stream them to a file) */
  onSkip?: (row: SkippedRow) => void;
}

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const EARLIEST = '2000-01-01T00:00:00Z';
const categories = new Set(EU_CATEGORY_CODES);
const keywords = new Set(EU_KEYWORD_CODES);
const restrictionCodes = new Set(RESTRICTIONS);
const languages = new Set(LANGUAGE_CODES);

/** Array fields are JSON strings in the dumps; a bare value is a list of one. Each value once. */
function list(value: string): string[] | null {
  const v = value.trim();
  if (v === '') return [];
  if (!v.startsWith('[')) return [v];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? [...new Set(parsed as string[])] : null;
  } catch {
    return null;
  }
}

/** "2025-03-01", "2025-03-01 12:00:00" or ISO-8601 -> ISO-8601 in UTC (the dumps' dates are days). */
function instant(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?)?(Z)?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2] ?? '00:00:00'}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

const shown = (v: string, n = 40) => JSON.stringify(v.slice(0, n));
type Mapped = { event: Record<string, unknown> } | { skip: string; detail: string };
const skip = (reason: string, detail = reason): Mapped => ({ skip: reason, detail });

function mapStatement(get: (column: string) => string): Mapped {
  const uuid = get('uuid');
  if (!ID.test(uuid)) return skip('uuid is missing or not an id');
  const lists: Record<string, string[]> = {};
  for (const column of ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account', 'content_type', 'territorial_scope', 'category_specification']) {
    const l = list(get(column));
    if (l === null) return skip('a list field is not a JSON array of strings', `${column} is not a JSON array of strings`);
    lists[column] = l;
  }
  const category = get('category').trim();
  if (!categories.has(category)) return skip('unknown category', `unknown category ${shown(category, 80)}`);
  const unknownKeyword = lists.category_specification!.find((k) => !keywords.has(k));
  if (unknownKeyword !== undefined) return skip('unknown keyword', `unknown keyword ${shown(unknownKeyword, 80)}`);
  const restrictions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'].flatMap((c) => lists[c]!);
  const unknownRestriction = restrictions.find((r) => !restrictionCodes.has(r));
  if (unknownRestriction !== undefined) return skip('unknown restriction', `unknown restriction ${shown(unknownRestriction, 80)}`);
  const scope = memberStatesOf(lists.territorial_scope!);
  if ('skip' in scope) return scope;
  const decided = instant(get('application_date'));
  if (!decided) return skip('application_date is not a date', `application_date ${shown(get('application_date'), 30)} is not a date`);
  let posted = get('content_date') ? instant(get('content_date')) : decided;
  if (!posted) return skip('content_date is not a date', `content_date ${shown(get('content_date'), 30)} is not a date`);
  // a content date before 2000 or after the decision is the platform's placeholder or error: the
  // statement still counts; the day-precision times are no reaction time anyway (time_precision)
  if (posted < EARLIEST) posted = EARLIEST;
  if (posted > decided) posted = decided;
  const detection = detectionOf(get('source_type'), get('automated_detection'));
  if (!detection) return skip('unknown source_type', `source_type ${shown(get('source_type'))} is unknown`);
  const path = enforcementOf(get('automated_decision'));
  if (!path) return skip('unknown automated_decision', `automated_decision ${shown(get('automated_decision'))} is unknown`);
  const platformUid = get('platform_uid');
  const language = get('content_language').trim().toLowerCase();
  const ground = get('decision_ground').trim();
  const accountType = get('account_type').trim();
  return {
    event: {
      decision_id: `dsa-${uuid}`,
      content_id: ID.test(platformUid) ? platformUid : `dsa-${uuid}`,
      // the database has no flag time: flagged at the content's date, and the dates are days
      posted_at: posted, flagged_at: posted, decided_at: decided, time_precision: 'day',
      country: countryOf(scope.states), policy: policyOf(category, lists.category_specification!), content_type: contentTypeOf(lists.content_type!),
      detection_source: detection, enforcement_path: path, action: actionOf(restrictions),
      // views are not published: 1 keeps these decisions out of "removed before any views"
      views_at_action: 1,
      service: serviceOf(get('platform_name')),
      eu_category: category,
      eu_keywords: lists.category_specification!,
      legal_ground: (LEGAL_GROUNDS as readonly string[]).includes(ground) ? ground : '',
      restrictions,
      // optional in the database; a value outside ISO 639-1 reads "not given"
      content_language: languages.has(language) ? language : '',
      territorial_scope: scope.states,
      account_type: (ACCOUNT_TYPES as readonly string[]).includes(accountType) ? accountType : '',
    },
  };
}

/** Imports the statements of the given CSV parts (a plain CSV is one part, see dump.ts). */
export async function importDsa(db: Database, parts: AsyncIterable<CsvPart> | Iterable<CsvPart>, options: ImportOptions = {}): Promise<DsaReport> {
  const stream = streamByName.get('moderation-decisions')!;
  const ingestor = new Ingestor(db);
  const batchSize = options.batchSize ?? 10_000;
  const examples = options.examples ?? 100;
  const report: DsaReport = {
    parts: [], rows: 0, otherPlatforms: 0, imported: 0, duplicates: 0, skipped: 0, skippedByReason: {}, skippedExamples: [], byPolicy: {},
  };
  // rows checked one by one (below) and gathered as a batch of the stream; a statement repeated
  // in the dump is stored once
  let batch: ValidBatch = { rows: [], repeats: 0, errors: [] };
  let inBatch = new Set<string>();
  // one write runs while the next batch is read
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.rows.length + batch.repeats === 0) return;
    const full = batch;
    batch = { rows: [], repeats: 0, errors: [] };
    inBatch = new Set();
    await writing;
    writing = ingestor.ingest(stream, full).then((r) => {
      report.imported += r.accepted;
      report.duplicates += r.duplicates;
    });
    // awaited at the next flush or at the end; until then a failure must not count as unhandled
    writing.catch(() => undefined);
  };
  for await (const part of parts) {
    const skipRow = (line: number, reason: string, detail: string) => {
      report.skipped++;
      report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
      const row = { file: part.name, line, reason, detail };
      if (report.skippedExamples.length < examples) report.skippedExamples.push(row);
      options.onSkip?.(row);
    };
    let header: string[] | null = null;
    let index = new Map<string, number>();
    let platformAt = -1;
    const summary = { file: part.name, layout: 'light' as 'full' | 'light', rows: 0 };
    const counts = { dropped: 0 };
    for await (const record of readCsvRecords(part.chunks, { platform: options.platform, counts })) {
      if (!header) {
        if (!('fields' in record)) throw new Error(`${part.name}: the header line cannot be read: ${record.malformed}`);
        header = record.fields.map((h) => h.trim());
        index = new Map(header.map((h, i) => [h, i]));
        const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
        if (missing.length) throw new Error(`${part.name} is not a statement-of-reasons file: the header lacks ${missing.join(', ')}`);
        if (options.platform && !index.has('platform_name')) throw new Error(`${part.name} has no platform_name column to filter --platform by`);
        platformAt = index.get('platform_name') ?? -1;
        summary.layout = index.has('decision_facts') ? 'full' : 'light';
        report.parts.push(summary);
        continue;
      }
      summary.rows++;
      report.rows++;
      if ('malformed' in record) {
        skipRow(record.line, 'malformed CSV row', record.malformed);
        continue;
      }
      const fields = record.fields;
      // another platform's statement is left out before anything else is read (the platform filter
      // already dropped most of them unparsed; it keeps any row that mentions the name)
      if (options.platform && fields[platformAt] !== options.platform) {
        if (fields.length === header.length) {
          report.otherPlatforms++;
          continue;
        }
      }
      if (fields.length !== header.length) {
        skipRow(record.line, 'wrong number of fields', `has ${fields.length} fields, the header has ${header.length}`);
        continue;
      }
      const mapped = mapStatement((column) => fields[index.get(column) ?? -1] ?? '');
      if ('skip' in mapped) {
        skipRow(record.line, mapped.skip, mapped.detail);
        continue;
      }
      // the same rules as any producer's event (dates in range, content before decision, …)
      const check = validateBatch(stream, { rows: [{ line: record.line, value: mapped.event }], errors: [] });
      if (check.errors.length) {
        skipRow(record.line, 'refused by the moderation-decisions stream', check.errors.map((e) => `${e.field ? `${e.field} ` : ''}${e.message}`).join('; '));
        continue;
      }
      const policy = String(mapped.event.policy);
      report.byPolicy[policy] = (report.byPolicy[policy] ?? 0) + 1;
      const row = check.rows[0]!;
      if (inBatch.has(row.eventId)) batch.repeats++;
      else {
        inBatch.add(row.eventId);
        batch.rows.push(row);
      }
      if (batch.rows.length >= batchSize) await flush();
    }
    if (!header) throw new Error(`${part.name} is empty`);
    // the statements the platform filter dropped unparsed are other platforms' too
    summary.rows += counts.dropped;
    report.rows += counts.dropped;
    report.otherPlatforms += counts.dropped;
  }
  await flush();
  await writing;
  return report;
}

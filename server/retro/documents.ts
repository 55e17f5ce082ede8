// Incident notes and retrospective items: validated, versioned, and safe under concurrent edits
// (a stale edit is refused with CONFLICT, never silently overwritten).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { badInput } from '../domain/errors.js';
import { codes, day, parseInstant, text } from '../domain/fieldChecks.js';
import { REGIONS, POLICIES, regionOfCountry } from '../domain/taxonomy.js';
import { canRead, requireReadable, requireWritable, scopeBounds, type Access, type Subject } from '../access/access.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { run } from '../queries/statements.js';
import { historyStatement, latestVersionStatement, type VersionedTable } from '../queries/versionedQueries.js';
import { currentVersion as current, now64, writeVersion } from '../queries/versionedWrites.js';
import type { ActionStatus, RetroItemKind, RetroSection } from '../domain/vocabulary.generated.js';

/** What a document is about: empty or absent lists mean every region / country / vendor. */
interface SubjectInput {
  regions?: readonly string[] | null;
  countries?: readonly string[] | null;
  vendors?: readonly string[] | null;
}

/** A note as written (the API's NoteInput has this shape); instants are ISO-8601. */
export interface NoteInput extends SubjectInput {
  startsAt: string;
  endsAt?: string | null;
  policies?: readonly string[] | null;
  models?: readonly string[] | null;
  title: string;
  body?: string | null;
  tags?: readonly string[] | null;
}

/** A retrospective item as written (the API's RetroItemInput has this shape); days are YYYY-MM-DD. */
export interface RetroItemInput extends SubjectInput {
  week: string;
  section: RetroSection;
  kind: RetroItemKind;
  text: string;
  owner?: string | null;
  dueDate?: string | null;
  status?: ActionStatus | null;
}

type Row = Record<string, unknown>;

// ---- Scope ------------------------------------------------------------------------------------
// A note or item is about places (regions, countries) and vendors; a scoped editor writes only
// documents wholly inside their scope, and changes or deletes only such documents
// (server/access/access.ts). Unknown values are refused listing only those the editor may use.

/** Values in the data: every one (to validate) and the asker's (to list in errors). */
export interface KnownValues {
  models: readonly string[];
  vendors: readonly string[];
  visibleModels: readonly string[];
  visibleVendors: readonly string[];
}

const REGION_CODES = REGIONS.map((r) => r.code);
const COUNTRY_CODES = Object.keys(regionOfCountry);

function subjectRow(input: { regions?: readonly string[] | null; countries?: readonly string[] | null; vendors?: readonly string[] | null }, known: KnownValues, access: Access) {
  const b = scopeBounds(access);
  return {
    regions: codes(input.regions, REGION_CODES, 'input.regions', b.regions ?? REGION_CODES),
    countries: codes(input.countries, COUNTRY_CODES, 'input.countries', b.countries ?? COUNTRY_CODES),
    vendors: codes(input.vendors, known.vendors, 'input.vendors', known.visibleVendors),
  };
}

const subjectOf = (row: Row): Subject => ({ regions: row.regions as string[], countries: row.countries as string[], vendors: row.vendors as string[] });

/** Before a change or deletion: the current version must be the editor's to change (else FORBIDDEN, before any CONFLICT). */
async function requireOwnScope(db: Database, table: VersionedTable, id: string, access: Access, what: string): Promise<void> {
  const [latest] = await run<Row>(db, latestVersionStatement(table, id));
  if (latest) requireWritable(access, subjectOf(latest), what, 'id');
}

// ---- Incident notes ---------------------------------------------------------------------------

function noteRow(input: NoteInput, known: KnownValues, access: Access): Row {
  const startsAt = parseInstant(input.startsAt, 'input.startsAt');
  const endsAt = input.endsAt ? parseInstant(input.endsAt, 'input.endsAt') : startsAt;
  if (endsAt < startsAt) throw badInput('input.endsAt must not be before input.startsAt.', 'input.endsAt');
  const tags = [...new Set(input.tags ?? [])];
  if (tags.length > 10) throw badInput('input.tags: at most 10 tags.', 'input.tags');
  for (const t of tags) if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(t)) throw badInput(`input.tags: ${JSON.stringify(t.slice(0, 40))} is not a tag (lowercase letters, digits and -, up to 40).`, 'input.tags');
  return {
    starts_at: toClickHouseDateTime(startsAt),
    ends_at: toClickHouseDateTime(endsAt),
    ...subjectRow(input, known, access),
    policies: codes(input.policies, POLICIES.map((p) => p.code), 'input.policies'),
    models: codes(input.models, known.models, 'input.models', known.visibleModels),
    title: text(input.title, 'input.title', 200, true),
    body: text(input.body, 'input.body', 10_000, false),
    tags,
    author: access.username,
  };
}

function writableNoteRow(input: NoteInput, known: KnownValues, access: Access): Row {
  const row = noteRow(input, known, access);
  requireWritable(access, subjectOf(row), 'note', 'input');
  return row;
}

export async function createNote(db: Database, input: NoteInput, known: KnownValues, access: Access): Promise<Row> {
  const id = randomUUID();
  return writeVersion(db, 'incident_notes', id, 1, { note_id: id, version: 1, ...writableNoteRow(input, known, access), is_deleted: 0, updated_at: now64() });
}

export async function updateNote(db: Database, id: string, expectedVersion: number, input: NoteInput, known: KnownValues, access: Access): Promise<Row> {
  const row = writableNoteRow(input, known, access); // bad input is refused before anything is read or written
  await requireOwnScope(db, 'incident_notes', id, access, 'note');
  await current(db, 'incident_notes', id, expectedVersion, 'note');
  return writeVersion(db, 'incident_notes', id, expectedVersion + 1, { note_id: id, version: expectedVersion + 1, ...row, is_deleted: 0, updated_at: now64() });
}

export async function deleteNote(db: Database, id: string, expectedVersion: number, access: Access): Promise<Row> {
  await requireOwnScope(db, 'incident_notes', id, access, 'note');
  const latest = await current(db, 'incident_notes', id, expectedVersion, 'note');
  const { version: _v, updated_at: _u, ...rest } = latest;
  return writeVersion(db, 'incident_notes', id, expectedVersion + 1, { ...rest, version: expectedVersion + 1, author: access.username, is_deleted: 1, updated_at: now64() });
}

/**
 * A note's versions, newest first: refused if its current version is outside the asker's scope,
 * and without the earlier versions that were (an unscoped editor may have narrowed it).
 */
export async function noteHistory(db: Database, id: string, access: Access): Promise<Row[]> {
  const rows = await run<Row>(db, historyStatement('incident_notes', id));
  if (rows[0]) requireReadable(access, subjectOf(rows[0]), 'note', 'id');
  return rows.filter((r) => canRead(access, subjectOf(r)));
}

// ---- Retrospective items -----------------------------------------------------------------------

function itemRow(input: RetroItemInput, known: KnownValues, access: Access): Row {
  const isAction = input.kind === 'ACTION';
  if (!isAction && (input.owner || input.dueDate || input.status)) {
    throw badInput('input.owner, input.dueDate and input.status belong to action items only (kind ACTION).', 'input.kind');
  }
  const row = {
    week: day(input.week, 'input.week', true),
    section: input.section,
    kind: input.kind,
    text: text(input.text, 'input.text', 5000, true),
    owner: text(input.owner, 'input.owner', 100, isAction),
    due_date: input.dueDate ? day(input.dueDate, 'input.dueDate') : null,
    status: isAction ? (input.status ?? 'OPEN') : 'OPEN',
    ...subjectRow(input, known, access),
    author: access.username,
  };
  requireWritable(access, subjectOf(row), 'item', 'input');
  return row;
}

export async function createRetroItem(db: Database, input: RetroItemInput, known: KnownValues, access: Access): Promise<Row> {
  const id = randomUUID();
  return writeVersion(db, 'retro_items', id, 1, { item_id: id, version: 1, ...itemRow(input, known, access), is_deleted: 0, updated_at: now64() });
}

export async function updateRetroItem(db: Database, id: string, expectedVersion: number, input: RetroItemInput, known: KnownValues, access: Access): Promise<Row> {
  const row = itemRow(input, known, access);
  await requireOwnScope(db, 'retro_items', id, access, 'item');
  await current(db, 'retro_items', id, expectedVersion, 'retrospective item');
  return writeVersion(db, 'retro_items', id, expectedVersion + 1, { item_id: id, version: expectedVersion + 1, ...row, is_deleted: 0, updated_at: now64() });
}

export async function deleteRetroItem(db: Database, id: string, expectedVersion: number, access: Access): Promise<Row> {
  await requireOwnScope(db, 'retro_items', id, access, 'item');
  const latest = await current(db, 'retro_items', id, expectedVersion, 'retrospective item');
  const { version: _v, updated_at: _u, ...rest } = latest;
  return writeVersion(db, 'retro_items', id, expectedVersion + 1, { ...rest, version: expectedVersion + 1, author: access.username, is_deleted: 1, updated_at: now64() });
}

// Incident notes and retrospective items: validated, versioned, and safe under concurrent edits
// (a stale edit is refused with CONFLICT, never silently overwritten).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { badInput } from '../graphql/errors.js';
import { codes, day, text } from '../graphql/fields.js';
import { parseInstant } from '../graphql/inputs.js';
import { REGIONS, POLICIES } from '../domain/taxonomy.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { run } from '../queries/metricQuery.js';
import { historyStatement } from '../queries/versionedQueries.js';
import { currentVersion as current, now64, writeVersion } from '../queries/versionedWrites.js';
import type { NoteInput, RetroItemInput } from '../graphql/generated.js';

type Row = Record<string, unknown>;
// ---- Incident notes ---------------------------------------------------------------------------

export interface KnownValues {
  models: readonly string[];
  vendors: readonly string[];
}

function noteRow(input: NoteInput, known: KnownValues, author: string): Row {
  const startsAt = parseInstant(input.startsAt, 'input.startsAt');
  const endsAt = input.endsAt ? parseInstant(input.endsAt, 'input.endsAt') : startsAt;
  if (endsAt < startsAt) throw badInput('input.endsAt must not be before input.startsAt.', 'input.endsAt');
  const tags = [...new Set(input.tags ?? [])];
  if (tags.length > 10) throw badInput('input.tags: at most 10 tags.', 'input.tags');
  for (const t of tags) if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(t)) throw badInput(`input.tags: ${JSON.stringify(t.slice(0, 40))} is not a tag (lowercase letters, digits and -, up to 40).`, 'input.tags');
  return {
    starts_at: toClickHouseDateTime(startsAt),
    ends_at: toClickHouseDateTime(endsAt),
    regions: codes(input.regions, REGIONS.map((r) => r.code), 'input.regions'),
    policies: codes(input.policies, POLICIES.map((p) => p.code), 'input.policies'),
    models: codes(input.models, known.models, 'input.models'),
    vendors: codes(input.vendors, known.vendors, 'input.vendors'),
    title: text(input.title, 'input.title', 200, true),
    body: text(input.body, 'input.body', 10_000, false),
    tags,
    author,
  };
}

export async function createNote(db: Database, input: NoteInput, known: KnownValues, author: string): Promise<Row> {
  const id = randomUUID();
  return writeVersion(db, 'incident_notes', id, 1, { note_id: id, version: 1, ...noteRow(input, known, author), is_deleted: 0, updated_at: now64() });
}

export async function updateNote(db: Database, id: string, expectedVersion: number, input: NoteInput, known: KnownValues, author: string): Promise<Row> {
  const row = noteRow(input, known, author); // bad input is refused before anything is read or written
  await current(db, 'incident_notes', id, expectedVersion, 'note');
  return writeVersion(db, 'incident_notes', id, expectedVersion + 1, { note_id: id, version: expectedVersion + 1, ...row, is_deleted: 0, updated_at: now64() });
}

export async function deleteNote(db: Database, id: string, expectedVersion: number, author: string): Promise<Row> {
  const latest = await current(db, 'incident_notes', id, expectedVersion, 'note');
  const { version: _v, updated_at: _u, ...rest } = latest;
  return writeVersion(db, 'incident_notes', id, expectedVersion + 1, { ...rest, version: expectedVersion + 1, author, is_deleted: 1, updated_at: now64() });
}

export function noteHistory(db: Database, id: string): Promise<Row[]> {
  return run<Row>(db, historyStatement('incident_notes', id));
}

// ---- Retrospective items -----------------------------------------------------------------------

function itemRow(input: RetroItemInput, author: string): Row {
  const isAction = input.kind === 'ACTION';
  if (!isAction && (input.owner || input.dueDate || input.status)) {
    throw badInput('input.owner, input.dueDate and input.status belong to action items only (kind ACTION).', 'input.kind');
  }
  return {
    week: day(input.week, 'input.week', true),
    section: input.section,
    kind: input.kind,
    text: text(input.text, 'input.text', 5000, true),
    owner: text(input.owner, 'input.owner', 100, isAction),
    due_date: input.dueDate ? day(input.dueDate, 'input.dueDate') : null,
    status: isAction ? (input.status ?? 'OPEN') : 'OPEN',
    author,
  };
}

export async function createRetroItem(db: Database, input: RetroItemInput, author: string): Promise<Row> {
  const id = randomUUID();
  return writeVersion(db, 'retro_items', id, 1, { item_id: id, version: 1, ...itemRow(input, author), is_deleted: 0, updated_at: now64() });
}

export async function updateRetroItem(db: Database, id: string, expectedVersion: number, input: RetroItemInput, author: string): Promise<Row> {
  const row = itemRow(input, author);
  await current(db, 'retro_items', id, expectedVersion, 'retrospective item');
  return writeVersion(db, 'retro_items', id, expectedVersion + 1, { item_id: id, version: expectedVersion + 1, ...row, is_deleted: 0, updated_at: now64() });
}

export async function deleteRetroItem(db: Database, id: string, expectedVersion: number, author: string): Promise<Row> {
  const latest = await current(db, 'retro_items', id, expectedVersion, 'retrospective item');
  const { version: _v, updated_at: _u, ...rest } = latest;
  return writeVersion(db, 'retro_items', id, expectedVersion + 1, { ...rest, version: expectedVersion + 1, author, is_deleted: 1, updated_at: now64() });
}

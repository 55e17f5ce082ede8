// Incident notes and retrospective items: validated, versioned, and safe under concurrent edits
// (a stale edit is refused with CONFLICT, never silently overwritten).
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database.js';
import { badInput } from '../graphql/errors.js';
import { parseInstant } from '../graphql/inputs.js';
import { REGIONS, POLICIES } from '../domain/taxonomy.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { run } from '../queries/metricQuery.js';
import { historyStatement, latestVersionStatement, versionedInsertSql, type VersionedTable } from '../queries/versionedQueries.js';
import type { NoteInput, RetroItemInput } from '../graphql/generated.js';

type Row = Record<string, unknown>;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(value: string | null | undefined, argument: string, max: number, required: boolean): string {
  const v = (value ?? '').trim();
  if (required && v === '') throw badInput(`${argument} is required.`, argument);
  if (v.length > max) throw badInput(`${argument} must be at most ${max} characters (it has ${v.length}).`, argument);
  if (CONTROL.test(v)) throw badInput(`${argument} must not contain control characters.`, argument);
  return v;
}

function codes(values: readonly string[] | null | undefined, allowed: readonly string[], argument: string): string[] {
  const list = [...new Set(values ?? [])];
  for (const v of list) if (!allowed.includes(v)) throw badInput(`${argument}: unknown value ${JSON.stringify(v.slice(0, 40))}. Allowed: ${allowed.join(', ')}.`, argument);
  return list;
}

function day(value: string, argument: string, mondayOnly = false): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw badInput(`${argument} must be a date like 2026-11-16; got ${JSON.stringify(value.slice(0, 30))}.`, argument);
  if (mondayOnly && new Date(`${value}T00:00:00Z`).getUTCDay() !== 1) throw badInput(`${argument} must be a Monday (the start of an ISO week).`, argument);
  return value;
}

const now64 = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

/** Writes version `next` of a document; if someone else wrote that version first, CONFLICT. */
async function writeVersion(db: Database, table: VersionedTable, id: string, next: number, row: Row): Promise<Row> {
  const columns = Object.keys(row);
  await db.insertJsonWith(`${table}.write`, versionedInsertSql(table, columns, id, next), [row]);
  const [stored] = await run<Row>(db, latestVersionStatement(table, id));
  const mine = stored && Number(stored.version) === next && stored.updated_at === row.updated_at;
  if (!mine) {
    throw new GraphQLError(`Someone else changed this at the same time (version ${next} is theirs). Reload it and apply your edit again.`, {
      extensions: { code: 'CONFLICT', currentVersion: Number(stored?.version ?? next) },
    });
  }
  return stored!;
}

async function current(db: Database, table: VersionedTable, id: string, expectedVersion: number, what: string): Promise<Row> {
  const [latest] = await run<Row>(db, latestVersionStatement(table, id));
  if (!latest || Number(latest.is_deleted) === 1) {
    throw new GraphQLError(`No ${what} with id ${JSON.stringify(id.slice(0, 40))}${latest ? ' (it was deleted)' : ''}.`, { extensions: { code: 'NOT_FOUND' } });
  }
  if (Number(latest.version) !== expectedVersion) {
    throw new GraphQLError(
      `This ${what} changed since you loaded it: it is at version ${latest.version}, your edit was based on version ${expectedVersion}. Reload it and apply your edit again.`,
      { extensions: { code: 'CONFLICT', currentVersion: Number(latest.version) } },
    );
  }
  return latest;
}

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

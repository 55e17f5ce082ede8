// What the note and item forms hold, how they are checked before sending (the server's limits,
// server/retro/documents.ts, so a mistake is named next to its field without a round trip), and
// how a draft becomes the mutation's input. The server checks again; its word is final.
import type { ActionStatus, NoteFieldsFragment, NoteInput, RetroItemFieldsFragment, RetroItemInput, RetroItemKind, RetroSection } from '../../generated/graphql';
import { isDay } from './week';

export const LIMITS = { title: 200, body: 10_000, tags: 10, text: 5000, owner: 100 } as const;
const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;
// Tabs and line breaks are text; other control characters are refused by the server.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type Errors<F extends string> = Partial<Record<F, string>>;

/** Times are edited in UTC, the zone of the retrospective's weeks: "2026-11-10T08:00". */
export interface NoteDraft {
  startsAt: string;
  /** empty for a moment rather than a span */
  endsAt: string;
  title: string;
  body: string;
  /** as typed: comma- or space-separated */
  tags: string;
  regions: string[];
  countries: string[];
  policies: string[];
  models: string[];
  vendors: string[];
}

export type NoteField = 'startsAt' | 'endsAt' | 'title' | 'body' | 'tags';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** "2026-11-10T08:00" (a datetime-local input, read as UTC) → the API's instant. */
export const toInstant = (local: string) => `${local}:00Z`;
/** The API's instant → what a datetime-local input shows, in UTC. */
export const toLocalInput = (iso: string) => iso.slice(0, 16);

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

function textError(value: string, label: string, max: number, required: boolean): string | undefined {
  const v = value.trim();
  if (required && v === '') return `${label} is required.`;
  if (v.length > max) return `${label} must be at most ${max.toLocaleString('en-US')} characters (it has ${v.length.toLocaleString('en-US')}).`;
  if (CONTROL.test(v)) return `${label} must not contain control characters.`;
  return undefined;
}

export function validateNote(d: NoteDraft): { errors: Errors<NoteField>; input: NoteInput | null } {
  const errors: Errors<NoteField> = {};
  if (!LOCAL.test(d.startsAt) || Number.isNaN(Date.parse(toInstant(d.startsAt)))) errors.startsAt = 'Give the start as a date and time (UTC).';
  if (d.endsAt !== '') {
    if (!LOCAL.test(d.endsAt) || Number.isNaN(Date.parse(toInstant(d.endsAt)))) errors.endsAt = 'Give the end as a date and time (UTC), or leave it empty.';
    else if (!errors.startsAt && Date.parse(toInstant(d.endsAt)) < Date.parse(toInstant(d.startsAt))) errors.endsAt = 'The end must not be before the start.';
  }
  const title = textError(d.title, 'Title', LIMITS.title, true);
  if (title) errors.title = title;
  const body = textError(d.body, 'Text', LIMITS.body, false);
  if (body) errors.body = body;
  const tags = splitTags(d.tags);
  const badTag = tags.find((t) => !TAG.test(t));
  if (tags.length > LIMITS.tags) errors.tags = `At most ${LIMITS.tags} tags (there are ${tags.length}).`;
  else if (badTag !== undefined) errors.tags = `“${badTag.slice(0, 40)}” is not a tag: lowercase letters, digits and -, up to 40.`;
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      startsAt: toInstant(d.startsAt),
      ...(d.endsAt !== '' && d.endsAt !== d.startsAt ? { endsAt: toInstant(d.endsAt) } : {}),
      title: d.title.trim(),
      body: d.body.trim(),
      tags,
      regions: d.regions,
      countries: d.countries,
      policies: d.policies,
      models: d.models,
      vendors: d.vendors,
    },
  };
}

/** A new note of the week starts on its Monday morning; a note being edited starts as it is. */
export function noteDraft(note: NoteFieldsFragment | null, week: string): NoteDraft {
  if (!note) return { startsAt: `${week}T09:00`, endsAt: '', title: '', body: '', tags: '', regions: [], countries: [], policies: [], models: [], vendors: [] };
  return {
    startsAt: toLocalInput(note.startsAt),
    endsAt: note.endsAt === note.startsAt ? '' : toLocalInput(note.endsAt),
    title: note.title,
    body: note.body,
    tags: note.tags.join(', '),
    regions: [...note.regions],
    countries: [...note.countries],
    policies: [...note.policies],
    models: [...note.models],
    vendors: [...note.vendors],
  };
}

export interface ItemDraft {
  kind: RetroItemKind;
  section: RetroSection;
  text: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  /** what the item is about, like a note's (all empty: team-wide) */
  regions: string[];
  countries: string[];
  vendors: string[];
}

export type ItemField = 'text' | 'owner' | 'dueDate';

export function itemDraft(item: RetroItemFieldsFragment | null, kind: RetroItemKind): ItemDraft {
  if (!item) return { kind, section: 'GENERAL', text: '', owner: '', dueDate: '', status: 'OPEN', regions: [], countries: [], vendors: [] };
  return {
    kind: item.kind, section: item.section, text: item.text, owner: item.owner, dueDate: item.dueDate ?? '', status: item.status,
    regions: [...item.regions], countries: [...item.countries], vendors: [...item.vendors],
  };
}

/**
 * `week` is the week the item belongs to: an action carried over from an earlier week stays
 * in its own week when edited (it carries over until it is done or dropped).
 */
export function validateItem(d: ItemDraft, week: string): { errors: Errors<ItemField>; input: RetroItemInput | null } {
  const errors: Errors<ItemField> = {};
  const isAction = d.kind === 'ACTION';
  const text = textError(d.text, 'Text', LIMITS.text, true);
  if (text) errors.text = text;
  if (isAction) {
    const owner = textError(d.owner, 'Owner', LIMITS.owner, true);
    if (owner) errors.owner = owner;
    if (d.dueDate !== '' && !isDay(d.dueDate)) errors.dueDate = 'Give the due date as a day, or leave it empty.';
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const base = { week, section: d.section, kind: d.kind, text: d.text.trim(), regions: d.regions, countries: d.countries, vendors: d.vendors };
  // Owner, due date and status belong to action items only: the server refuses them elsewhere.
  const input: RetroItemInput = isAction ? { ...base, owner: d.owner.trim(), status: d.status, ...(d.dueDate ? { dueDate: d.dueDate } : {}) } : base;
  return { errors, input };
}

// Incident notes and retrospective items through the API: round trips, history, stale and
// concurrent edits refused, bad input refused, open action items carried over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { FULL_ACCESS, type Access } from '../access/access.js';
import { retroItemsStatement } from '../queries/versionedQueries.js';
import { run } from '../queries/statements.js';
import { NO_BOUNDS } from '../queries/documentScope.js';

let t: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const NOTE = 'id version startsAt endsAt title body tags regions policies author deleted';
const note = { startsAt: '2026-11-10T08:00:00Z', endsAt: '2026-11-15T00:00:00Z', title: 'Election in Brazil', body: 'Reports up.', tags: ['election'], regions: ['LATAM'], policies: ['misinformation'] };
const as = (username: string): Access => ({ ...FULL_ACCESS, username, role: 'editor' });
const create = (input = note) => api.ok(`mutation($input: NoteInput!) { createNote(input: $input) { ${NOTE} } }`, { input }, as('ana'));
const update = (id: string, expectedVersion: number, input = note, author = 'ana') =>
  api.gql(`mutation($id: ID!, $v: Int!, $input: NoteInput!) { updateNote(id: $id, expectedVersion: $v, input: $input) { ${NOTE} } }`, { id, v: expectedVersion, input }, as(author));

describe('incident notes', () => {
  it('create, edit and delete, keeping every version', async () => {
    const created = (await create()).createNote;
    expect(created).toMatchObject({ version: 1, title: 'Election in Brazil', regions: ['LATAM'], deleted: false, endsAt: '2026-11-15T00:00:00Z' });
    const edited = await update(created.id, 1, { ...note, title: 'Election in Brazil: report surge' }, 'ben');
    expect(edited.data.updateNote).toMatchObject({ version: 2, title: 'Election in Brazil: report surge', author: 'ben' });
    const deleted = await api.ok('mutation($id: ID!) { deleteNote(id: $id, expectedVersion: 2) { version deleted author title } }', { id: created.id }, as('cy'));
    expect(deleted.deleteNote).toEqual({ version: 3, deleted: true, author: 'cy', title: 'Election in Brazil: report surge' });
    const history = (await api.ok(`query($id: ID!) { noteHistory(id: $id) { version title author deleted } }`, { id: created.id })).noteHistory;
    expect(history).toEqual([
      { version: 3, title: 'Election in Brazil: report surge', author: 'cy', deleted: true },
      { version: 2, title: 'Election in Brazil: report surge', author: 'ben', deleted: false },
      { version: 1, title: 'Election in Brazil', author: 'ana', deleted: false },
    ]);
    const listed = (await api.ok('{ notes(input: { range: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" } }) { id } }')).notes;
    expect(listed.map((n: any) => n.id)).not.toContain(created.id);
  });

  it('refuses a stale edit instead of overwriting it', async () => {
    const { id } = (await create()).createNote;
    expect((await update(id, 1, { ...note, body: 'first' })).errors).toBeUndefined();
    const stale = await update(id, 1, { ...note, body: 'second, based on version 1' });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors![0]!.message).toMatch(/it is at version 2, your edit was based on version 1/);
    const history = (await api.ok(`query($id: ID!) { noteHistory(id: $id) { body } }`, { id })).noteHistory;
    expect(history.map((h: any) => h.body)).toEqual(['first', 'Reports up.']);
  });

  it('of two concurrent edits of the same version, stores one and refuses the other', async () => {
    const { id } = (await create()).createNote;
    const results = await Promise.all([update(id, 1, { ...note, body: 'edit A' }), update(id, 1, { ...note, body: 'edit B' })]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions.code).toBe('CONFLICT');
    const history = (await api.ok(`query($id: ID!) { noteHistory(id: $id) { version body } }`, { id })).noteHistory;
    expect(history).toEqual([{ version: 2, body: ok[0]!.data.updateNote.body }, { version: 1, body: 'Reports up.' }]);
  });

  it.each([
    ['an unknown region', { regions: ['ATLANTIS'] }, /input\.regions: unknown value "ATLANTIS"/],
    ['an end before the start', { endsAt: '2026-11-01T00:00:00Z' }, /input\.endsAt must not be before input\.startsAt/],
    ['an empty title', { title: '   ' }, /input\.title is required/],
    ['a title too long', { title: 'x'.repeat(201) }, /input\.title must be at most 200 characters/],
    ['a control character', { body: 'a\u0000b' }, /must not contain control characters/],
    ['a bad tag', { tags: ['Not A Tag'] }, /is not a tag/],
    ['an unknown vendor', { vendors: ['acme'] }, /input\.vendors: unknown value "acme"/],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_name, change, message) => {
    const before = await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM incident_notes');
    const r = await api.gql(`mutation($input: NoteInput!) { createNote(input: $input) { id } }`, { input: { ...note, ...change } });
    expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(message);
    expect(await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM incident_notes')).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown note', async () => {
    const r = await update('00000000-0000-4000-8000-000000000000', 1);
    expect(r.errors![0]!.extensions.code).toBe('NOT_FOUND');
  });
});

describe('retrospective items', () => {
  const ITEM = 'id version week section kind text owner dueDate status deleted';
  const item = (input: Record<string, unknown>) =>
    api.gql(`mutation($input: RetroItemInput!) { createRetroItem(input: $input) { ${ITEM} } }`, { input: { section: 'GENERAL', ...input } }, as('ana'));

  it('keep findings in their week and carry open action items over until closed', async () => {
    const finding = (await item({ week: '2026-11-09', kind: 'FINDING', text: 'LATAM backlog doubled' })).data.createRetroItem;
    const action = (await item({ week: '2026-11-09', kind: 'ACTION', text: 'Surge staffing playbook', owner: 'ops-latam', dueDate: '2026-11-20' })).data.createRetroItem;
    expect(action).toMatchObject({ status: 'OPEN', owner: 'ops-latam', dueDate: '2026-11-20' });
    const nextWeek = async () => (await run<{ item_id: string }>(t.db, retroItemsStatement('2026-11-16', NO_BOUNDS))).map((r) => r.item_id);
    // the next week's retrospective shows the open action, not the finding
    expect(await nextWeek()).toEqual([action.id]);
    const done = await api.gql(`mutation($id: ID!, $input: RetroItemInput!) { updateRetroItem(id: $id, expectedVersion: 1, input: $input) { status version } }`, {
      id: action.id, input: { week: '2026-11-09', section: 'GENERAL', kind: 'ACTION', text: 'Surge staffing playbook', owner: 'ops-latam', status: 'DONE' },
    }, as('ben'));
    expect(done.data.updateRetroItem).toEqual({ status: 'DONE', version: 2 });
    expect(await nextWeek()).toEqual([]);
    expect((await run<{ item_id: string }>(t.db, retroItemsStatement('2026-11-09', NO_BOUNDS))).map((r) => r.item_id).sort()).toEqual([finding.id, action.id].sort());
  });

  it.each([
    ['a week that is not a Monday', { week: '2026-11-10', kind: 'FINDING', text: 'x' }, /input\.week must be a Monday/],
    ['an action without owner', { week: '2026-11-09', kind: 'ACTION', text: 'x' }, /input\.owner is required/],
    ['a finding with a due date', { week: '2026-11-09', kind: 'FINDING', text: 'x', dueDate: '2026-12-01' }, /belong to action items only/],
    ['an impossible date', { week: '2026-11-09', kind: 'ACTION', text: 'x', owner: 'o', dueDate: '2026-02-30' }, /input\.dueDate must be a date/],
  ])('refuses %s', async (_name, input, message) => {
    const r = await item(input);
    expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(message);
  });
});

describe('expected versions', () => {
  it.each([-1, -2147483648, 0])('refuses expectedVersion %i for notes and items with BAD_USER_INPUT, changing nothing', async (v) => {
    const { id } = (await create()).createNote;
    const itemInput = { week: '2026-11-09', section: 'GENERAL', kind: 'FINDING', text: 'Versions are whole numbers' };
    const itemId = (await api.ok('mutation($input: RetroItemInput!) { createRetroItem(input: $input) { id } }', { input: itemInput }, as('ana'))).createRetroItem.id;
    const attempts = [
      update(id, v),
      api.gql('mutation($id: ID!, $v: Int!) { deleteNote(id: $id, expectedVersion: $v) { version } }', { id, v }, as('ana')),
      api.gql('mutation($id: ID!, $v: Int!, $input: RetroItemInput!) { updateRetroItem(id: $id, expectedVersion: $v, input: $input) { version } }', { id: itemId, v, input: itemInput }, as('ana')),
      api.gql('mutation($id: ID!, $v: Int!) { deleteRetroItem(id: $id, expectedVersion: $v) { version } }', { id: itemId, v }, as('ana')),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'expectedVersion' });
      expect(r.errors![0]!.message).toBe(`expectedVersion must be a whole number of 1 or more (the version you loaded); got ${v}.`);
    }
    expect((await api.ok('query($id: ID!) { noteHistory(id: $id) { version } }', { id })).noteHistory).toEqual([{ version: 1 }]);
    // still editable from the version it is at
    expect((await update(id, 1)).data.updateNote.version).toBe(2);
  });
});

// Scopes on every object, as a matrix: each field that returns notes, markers, note history,
// retrospective events, findings and actions, or dimension values × a region, a country and a
// vendor scope (and no scope) × read and write. Expected answers are the hand-written tables
// below, from the rule in access.ts: a document is read if it is team-wide (no region, country or
// vendor) or wholly inside the scope, and written only if wholly inside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type GraphQLResult, type TestApi } from '../testing/testApi.js';
import { DECISIONS, LABELS, loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import type { Access } from './access.js';

let t: TestDatabase;
let api: TestApi;

type ScopeName = 'region' | 'country' | 'vendor' | 'none';
const SCOPES: Record<ScopeName, Access> = {
  region: { username: 'eu-ed', role: 'editor', scope: { REGION: ['EU'] } },
  country: { username: 'us-ed', role: 'editor', scope: { COUNTRY: ['US'] } },
  vendor: { username: 'kestrel-ed', role: 'editor', scope: { VENDOR: ['kestrel'] } },
  none: { username: 'all-ed', role: 'editor', scope: {} },
};
const SCOPED: ScopeName[] = ['region', 'country', 'vendor'];

// Notes: what each is about, and who may read it (EU = region, US = country, kestrel = vendor).
const NOTES: { id: string; regions?: string[]; countries?: string[]; vendors?: string[]; policies?: string[]; readers: ScopeName[] }[] = [
  { id: 'eu', regions: ['EU'], readers: ['region', 'none'] },
  { id: 'de', countries: ['DE'], readers: ['region', 'none'] }, // Germany lies in EU
  { id: 'na', regions: ['NA'], readers: ['none'] }, // all of North America: more than the US
  { id: 'us', countries: ['US'], readers: ['country', 'none'] },
  { id: 'ca', countries: ['CA'], readers: ['none'] }, // the US's region, another country
  { id: 'eu-sea', regions: ['EU', 'SEA'], readers: ['none'] }, // partly outside EU
  { id: 'kestrel', vendors: ['kestrel'], readers: ['vendor', 'none'] },
  { id: 'tessera', vendors: ['tessera'], readers: ['none'] },
  { id: 'eu-kestrel', regions: ['EU'], vendors: ['kestrel'], readers: ['region', 'vendor', 'none'] },
  { id: 'team', readers: ['region', 'country', 'vendor', 'none'] }, // names nothing: team-wide
  { id: 'hate', policies: ['hate_speech'], readers: ['region', 'country', 'vendor', 'none'] }, // a policy is not a place: team-wide
];
// Rollouts are about their region: only a region scope holding it reads them.
const ROLLOUTS = [
  { model_id: 'safety-mm', model_version: '3.3', region: 'SEA', event: 'rollout', at: '2026-03-02 06:00:00', note: 'SEA launch' },
  { model_id: 'safety-mm', model_version: '3.2', region: 'NA', event: 'rollout', at: '2026-03-03 06:00:00', note: 'NA launch' },
  { model_id: 'safety-mm', model_version: '3.3', region: 'EU', event: 'rollout', at: '2026-03-04 06:00:00', note: 'EU launch' },
];
const ROLLOUT_READERS: Record<string, ScopeName[]> = {
  'safety-mm 3.3 in SEA': ['none'], 'safety-mm 3.2 in NA': ['none'], 'safety-mm 3.3 in EU': ['region', 'none'],
};
// Findings and actions, written before items had a scope (empty lists: team-wide) and after.
const ITEMS: { id: string; kind: string; regions?: string[]; countries?: string[]; vendors?: string[]; readers: ScopeName[] }[] = [
  { id: 'old', kind: 'FINDING', readers: ['region', 'country', 'vendor', 'none'] },
  { id: 'eu', kind: 'FINDING', regions: ['EU'], readers: ['region', 'none'] },
  { id: 'sea', kind: 'ROOT_CAUSE', regions: ['SEA'], readers: ['none'] },
  { id: 'us', kind: 'ACTION', countries: ['US'], readers: ['country', 'none'] },
  { id: 'na', kind: 'ACTION', regions: ['NA'], readers: ['none'] },
  { id: 'kestrel', kind: 'FINDING', vendors: ['kestrel'], readers: ['vendor', 'none'] },
  { id: 'tessera', kind: 'ACTION', vendors: ['tessera'], readers: ['none'] },
];

const noteTitle = (id: string) => `note ${id}`;
const itemText = (id: string) => `item ${id}`;
const readable = <T extends { readers: ScopeName[] }>(list: T[], s: ScopeName) => list.filter((x) => x.readers.includes(s));

beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  await t.db.insertRows('test.fixture', 'model_rollouts', ROLLOUTS);
  await t.db.insertRows('test.fixture', 'incident_notes', NOTES.flatMap((n) => [1, 2].map((version) => ({
    note_id: `n-${n.id}`, version, starts_at: '2026-03-02 00:00:00', ends_at: '2026-03-03 00:00:00',
    regions: n.regions ?? [], countries: n.countries ?? [], policies: n.policies ?? [], models: [], vendors: n.vendors ?? [],
    title: noteTitle(n.id), body: `body of ${n.id}${version === 1 ? ' (first draft)' : ''}`, tags: [], author: 'ops', is_deleted: 0,
    updated_at: `2026-03-02 00:00:0${version}.000`,
  }))));
  await t.db.insertRows('test.fixture', 'retro_items', ITEMS.map((i) => ({
    item_id: `i-${i.id}`, version: 1, week: '2026-03-02', section: 'GENERAL', kind: i.kind, text: itemText(i.id),
    owner: i.kind === 'ACTION' ? 'ops' : '', due_date: null, status: 'OPEN',
    ...(i.id === 'old' ? {} : { regions: i.regions ?? [], countries: i.countries ?? [], vendors: i.vendors ?? [] }),
    author: 'ops', is_deleted: 0, updated_at: '2026-03-02 00:00:00.000',
  })));
  api = await startTestApi(t);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const RANGE = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
const refusal = (r: GraphQLResult, code = 'FORBIDDEN') => {
  expect(r.errors, 'expected a refusal').toHaveLength(1);
  expect(r.errors![0]!.extensions.code).toBe(code);
  return r.errors![0]!.message;
};
const sorted = (xs: string[]) => [...xs].sort();

describe.each(['region', 'country', 'vendor', 'none'] as ScopeName[])('reading, %s scope', (scope) => {
  const as = SCOPES[scope];
  const notes = readable(NOTES, scope).map((n) => noteTitle(n.id));
  const rollouts = Object.entries(ROLLOUT_READERS).filter(([, r]) => r.includes(scope)).map(([title]) => title);
  const items = readable(ITEMS, scope).map((i) => itemText(i.id));

  it('notes: only team-wide notes and notes wholly inside the scope', async () => {
    const listed = (await api.ok('query($r: TimeRangeInput!) { notes(input: { range: $r }) { title } }', { r: RANGE }, as)).notes;
    expect(sorted(listed.map((n: any) => n.title))).toEqual(sorted(notes));
  });

  it('markers: rollouts and notes the same way', async () => {
    const markers = (await api.ok('query($r: TimeRangeInput!) { markers(input: { range: $r }) { kind title } }', { r: RANGE }, as)).markers;
    expect(sorted(markers.filter((m: any) => m.kind === 'INCIDENT').map((m: any) => m.title))).toEqual(sorted(notes));
    expect(sorted(markers.filter((m: any) => m.kind !== 'INCIDENT').map((m: any) => m.title))).toEqual(sorted(rollouts));
  });

  it('noteHistory: every version of a readable note, and a refusal for the others', async () => {
    for (const n of NOTES) {
      const r = await api.gql('query($id: ID!) { noteHistory(id: $id) { version body } }', { id: `n-${n.id}` }, as);
      if (n.readers.includes(scope)) expect(r.data!.noteHistory, n.id).toEqual([{ version: 2, body: `body of ${n.id}` }, { version: 1, body: `body of ${n.id} (first draft)` }]);
      else expect(refusal(r), n.id).toMatch(/^id: this note is outside your access/);
    }
  });

  it('the retrospective: its notes, events, findings and actions, and its Markdown', async () => {
    const r = (await api.ok('{ retrospective(input: { week: "2026-03-02" }) { notes { title } events { kind title } items { text } markdown } }', {}, as)).retrospective;
    expect(sorted(r.notes.map((n: any) => n.title))).toEqual(sorted(notes));
    expect(sorted(r.events.filter((e: any) => e.kind === 'ROLLOUT').map((e: any) => e.title))).toEqual(sorted(rollouts));
    expect(sorted(r.items.map((i: any) => i.text))).toEqual(sorted(items));
    for (const n of NOTES) expect(r.markdown.includes(`incident: ${noteTitle(n.id)} — `), n.id).toBe(n.readers.includes(scope));
    for (const i of ITEMS) expect(r.markdown.includes(itemText(i.id)), i.id).toBe(i.readers.includes(scope));
    for (const [title, readers] of Object.entries(ROLLOUT_READERS)) expect(r.markdown.includes(title), title).toBe(readers.includes(scope));
  });
});

// ---- Writing --------------------------------------------------------------------------------

type About = { regions?: string[]; countries?: string[]; vendors?: string[] };
/** Per scope: a subject wholly inside, and subjects it may not write (outside, partly outside, team-wide). */
const WRITES: Record<Exclude<ScopeName, 'none'>, { inside: About; refused: [string, About][] }> = {
  region: {
    inside: { countries: ['DE'] },
    refused: [['another region', { regions: ['SEA'] }], ['a country elsewhere', { countries: ['BR'] }], ['partly outside', { regions: ['EU', 'SEA'] }], ['team-wide', {}], ['a vendor, no place', { vendors: ['kestrel'] }]],
  },
  country: {
    inside: { countries: ['US'] },
    refused: [['their region (wider)', { regions: ['NA'] }], ['a neighbour', { countries: ['CA'] }], ['partly outside', { countries: ['US', 'CA'] }], ['team-wide', {}], ['a vendor, no place', { vendors: ['kestrel'] }]],
  },
  vendor: {
    inside: { vendors: ['kestrel'], regions: ['EU'] },
    refused: [['another vendor', { vendors: ['tessera'] }], ['a place, no vendor', { regions: ['EU'] }], ['partly outside', { vendors: ['kestrel', 'tessera'] }], ['team-wide', {}]],
  },
};

const NOTE_FIELDS = 'id version title regions countries vendors author';
const ITEM_FIELDS = 'id version text regions countries vendors author';
// written in May, away from the week the reading tests look at
const noteInput = (title: string, about: About) => ({ startsAt: '2026-05-05T00:00:00Z', title, ...about });
const itemInput = (text: string, about: About) => ({ week: '2026-05-04', section: 'GENERAL', kind: 'FINDING', text, ...about });
const DOCS = {
  note: {
    input: noteInput,
    create: (input: unknown, as: Access) => api.gql(`mutation($i: NoteInput!) { createNote(input: $i) { ${NOTE_FIELDS} } }`, { i: input }, as),
    update: (id: string, v: number, input: unknown, as: Access) => api.gql(`mutation($id: ID!, $v: Int!, $i: NoteInput!) { updateNote(id: $id, expectedVersion: $v, input: $i) { ${NOTE_FIELDS} } }`, { id, v, i: input }, as),
    remove: (id: string, v: number, as: Access) => api.gql('mutation($id: ID!, $v: Int!) { deleteNote(id: $id, expectedVersion: $v) { id deleted } }', { id, v }, as),
    versions: async (id: string) => (await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM incident_notes WHERE note_id = {id:String}', { id }))[0]!.n.toString(),
    key: 'Note',
  },
  item: {
    input: itemInput,
    create: (input: unknown, as: Access) => api.gql(`mutation($i: RetroItemInput!) { createRetroItem(input: $i) { ${ITEM_FIELDS} } }`, { i: input }, as),
    update: (id: string, v: number, input: unknown, as: Access) => api.gql(`mutation($id: ID!, $v: Int!, $i: RetroItemInput!) { updateRetroItem(id: $id, expectedVersion: $v, input: $i) { ${ITEM_FIELDS} } }`, { id, v, i: input }, as),
    remove: (id: string, v: number, as: Access) => api.gql('mutation($id: ID!, $v: Int!) { deleteRetroItem(id: $id, expectedVersion: $v) { id deleted } }', { id, v }, as),
    versions: async (id: string) => (await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM retro_items WHERE item_id = {id:String}', { id }))[0]!.n.toString(),
    key: 'RetroItem',
  },
} as const;
const created = (r: GraphQLResult, key: string) => {
  expect(r.errors).toBeUndefined();
  return r.data![`create${key}`] as { id: string; version: number; author: string; regions: string[]; countries: string[]; vendors: string[] };
};

describe.each(SCOPED)('writing, %s scope', (scope) => {
  const as = SCOPES[scope as Exclude<ScopeName, 'none'>];
  const w = WRITES[scope as Exclude<ScopeName, 'none'>];

  describe.each(['note', 'item'] as const)('%s', (kind) => {
    const doc = DOCS[kind];

    it('creates, changes and deletes a document wholly inside the scope', async () => {
      const c = created(await doc.create(doc.input(`${scope} inside`, w.inside), as), doc.key);
      expect(c).toMatchObject({ author: as.username, regions: w.inside.regions ?? [], countries: w.inside.countries ?? [], vendors: w.inside.vendors ?? [] });
      const u = await doc.update(c.id, 1, doc.input(`${scope} inside, edited`, w.inside), as);
      expect(u.errors).toBeUndefined();
      const d = await doc.remove(c.id, 2, as);
      expect(d.errors).toBeUndefined();
      expect(Object.values(d.data!)[0]).toEqual({ id: c.id, deleted: true });
    });

    it.each(w.refused)('refuses to create one about %s', async (_what, about) => {
      refusal(await doc.create(doc.input(`${scope} refused`, about), as));
    });

    it.each(w.refused)('refuses to widen one to %s, leaving it unchanged', async (_what, about) => {
      const c = created(await doc.create(doc.input(`${scope} to widen`, w.inside), as), doc.key);
      refusal(await doc.update(c.id, 1, doc.input('widened', about), as));
      expect(await doc.versions(c.id)).toBe('1');
    });

    it.each(w.refused)('refuses to change or delete one about %s (written by an unscoped editor), leaving it unchanged', async (_what, about) => {
      const c = created(await doc.create(doc.input(`${scope} not theirs`, about), SCOPES.none), doc.key);
      // even to bring it inside their scope, and whatever version they claim (no CONFLICT, no version leaked)
      refusal(await doc.update(c.id, 1, doc.input('taken over', w.inside), as));
      refusal(await doc.update(c.id, 7, doc.input('taken over', w.inside), as));
      refusal(await doc.remove(c.id, 1, as));
      expect(await doc.versions(c.id)).toBe('1');
    });

    it('lists in errors only the places and vendors the editor may name', async () => {
      const region = refusal(await doc.create(doc.input('x', { ...w.inside, regions: ['XX'] }), as), 'BAD_USER_INPUT');
      const vendor = refusal(await doc.create(doc.input('x', { ...w.inside, vendors: ['nobody'] }), as), 'BAD_USER_INPUT');
      // regions wholly inside (none for the US: North America is wider); vendors with data inside
      const [regions, vendors] = { region: ['EU', 'kestrel'], country: ['none', 'none'], vendor: ['NA, LATAM, EU, MENA, SSA, SA, SEA, EA', 'kestrel'] }[scope as Exclude<ScopeName, 'none'>];
      expect(region).toBe(`input.regions: unknown value "XX". Allowed: ${regions}.`);
      expect(vendor).toBe(`input.vendors: unknown value "nobody". Allowed: ${vendors}.`);
    });
  });
});

describe('writing, no scope', () => {
  it('an unscoped editor writes team-wide notes and items, and anything else', async () => {
    for (const doc of Object.values(DOCS)) {
      const c = created(await doc.create(doc.input('team', {}), SCOPES.none), doc.key);
      expect(c).toMatchObject({ regions: [], countries: [], vendors: [] });
      expect((await doc.update(c.id, 1, doc.input('team', { regions: ['SEA'], countries: ['US'], vendors: ['tessera'] }), SCOPES.none)).errors).toBeUndefined();
    }
  });
});

// ---- Dimension values and filters -------------------------------------------------------------

const CATALOGUE = '{ catalogue { dimensions { id values { code } } } }';
const valuesOf = async (as: Access) => {
  const c = (await api.ok(CATALOGUE, {}, as)).catalogue;
  return Object.fromEntries(c.dimensions.map((d: any) => [d.id, d.values.map((v: any) => v.code)]));
};

describe('the catalogue offers only values inside the scope', () => {
  // from the fixture: EU has decisions in DE and FR, review queue review-eu, Kestrel's de-fr-general
  // queue in Krakow (German); the US has review-na; Kestrel works only in EU, in Krakow, in German
  it.each([
    ['region', { REGION: ['EU'], COUNTRY: ['DE', 'FR'], QUEUE: ['de-fr-general', 'review-eu'], SITE: ['kestrel-krakow'], VENDOR: ['kestrel'], LANGUAGE: ['de'], MODEL: [] }],
    ['country', { REGION: ['NA'], COUNTRY: ['US'], QUEUE: ['review-na'], SITE: [], VENDOR: [], LANGUAGE: [], MODEL: [] }],
    ['vendor', { REGION: ['EU'], COUNTRY: [], QUEUE: ['de-fr-general'], SITE: ['kestrel-krakow'], VENDOR: ['kestrel'], LANGUAGE: ['de'], MODEL: [] }],
  ] as const)('%s scope', async (scope, expected) => {
    const values = await valuesOf(SCOPES[scope]);
    for (const [d, v] of Object.entries(expected)) expect(sorted(values[d]), d).toEqual(sorted([...v]));
  });

  it('no scope: every value in the data', async () => {
    const values = await valuesOf(SCOPES.none);
    expect(sorted(values.QUEUE)).toEqual(['de-fr-general', 'es-general', 'review-eu', 'review-na']);
    expect(sorted(values.SITE)).toEqual(['kestrel-krakow', 'tessera-bogota']);
    expect(sorted(values.COUNTRY)).toEqual(['DE', 'FR', 'PH', 'US']);
  });
});

const SERIES = 'query($i: SeriesInput!) { series(input: $i) { total { value } } }';
const series = (as: Access, metric: string, filters: { dimension: string; values: string[] }[]) => api.gql(SERIES, { i: { metric, range: RANGE, filters } }, as);

describe('a filter outside the scope on another dimension is refused, and errors list only values inside', () => {
  it.each([
    ['region', 'decisions', 'COUNTRY', ['BR'], 'input.filters[0].values: BR is outside your access (region: EU).'],
    ['region', 'decisions', 'COUNTRY', ['DE', 'US'], 'input.filters[0].values: US is outside your access (region: EU).'],
    ['region', 'review_sla', 'QUEUE', ['review-na'], 'input.filters[0].values: review-na is outside your access (region: EU).'],
    ['country', 'decisions', 'REGION', ['EU'], 'input.filters[0].values: EU is outside your access (country: US).'],
    ['vendor', 'labels', 'SITE', ['tessera-bogota'], 'input.filters[0].values: tessera-bogota is outside your access (vendor: kestrel).'],
    ['vendor', 'labels', 'QUEUE', ['es-general'], 'input.filters[0].values: es-general is outside your access (vendor: kestrel).'],
  ] as const)('%s scope: %s by %s %j', async (scope, metric, dimension, values, message) => {
    expect(refusal(await series(SCOPES[scope], metric, [{ dimension, values: [...values] }]))).toBe(message);
  });

  it('a filter inside the scope on another dimension narrows the answer', async () => {
    const us = DECISIONS.filter((d) => d.country === 'US').length;
    expect((await series(SCOPES.country, 'decisions', [{ dimension: 'REGION', values: ['NA'] }])).data!.series.total.value).toBe(us);
    const de = DECISIONS.filter((d) => d.country === 'DE').length;
    expect((await series(SCOPES.region, 'decisions', [{ dimension: 'COUNTRY', values: ['DE'] }])).data!.series.total.value).toBe(de);
    const krakow = LABELS.filter((l) => l.site === 'kestrel-krakow').length;
    expect((await series(SCOPES.vendor, 'labels', [{ dimension: 'SITE', values: ['kestrel-krakow'] }])).data!.series.total.value).toBe(krakow);
  });

  it.each([
    ['region', 'review_sla', 'QUEUE', 'de-fr-general, review-eu'],
    ['region', 'decisions', 'COUNTRY', null],
    ['country', 'review_sla', 'QUEUE', 'review-na'],
    ['vendor', 'labels', 'SITE', 'kestrel-krakow'],
    ['vendor', 'labels', 'QUEUE', 'de-fr-general'],
    ['none', 'labels', 'SITE', 'kestrel-krakow, tessera-bogota'],
  ] as const)('%s scope: an unknown value of %s by %s lists only values inside', async (scope, metric, dimension, known) => {
    const message = refusal(await series(SCOPES[scope], metric, [{ dimension, values: ['XX'] }]), 'BAD_USER_INPUT');
    const eu = 'DE, FR, GB, IT, ES, PL, GR, AT, BE, BG, CY, CZ, DK, EE, FI, HR, HU, IE, LT, LU, LV, MT, NL, PT, RO, SE, SI, SK, IS, LI, …';
    expect(message).toMatch(/^input\.filters\[0\]\.values: unknown \w+ "XX"\. Known: /);
    expect(message.replace(/^.*Known: /, '').replace(/\.$/, '')).toBe(known ?? eu);
  });

  it('markers and notes refuse a region outside the scope, and list only those inside', async () => {
    const m = (as: Access, regions: string[]) => api.gql('query($r: TimeRangeInput!, $g: [String!]) { markers(input: { range: $r, regions: $g }) { title } }', { r: RANGE, g: regions }, as);
    expect(refusal(await m(SCOPES.country, ['EU']))).toBe('input.regions: EU is outside your access (country: US).');
    expect(refusal(await m(SCOPES.region, ['XX']), 'BAD_USER_INPUT')).toBe('input.regions: unknown value "XX". Allowed: EU.');
    // a note naming no place concerns every region; a note about a country concerns its region
    expect(sorted((await m(SCOPES.country, ['NA'])).data!.markers.map((x: any) => x.title))).toEqual(['note hate', 'note team', 'note us']);
    expect(sorted((await m(SCOPES.none, ['EU'])).data!.markers.map((x: any) => x.title))).toEqual(
      ['note de', 'note eu', 'note eu-kestrel', 'note eu-sea', 'note hate', 'note kestrel', 'note team', 'note tessera', 'safety-mm 3.3 in EU'],
    );
  });
});

describe('every field that takes filters refuses a value outside the scope on another dimension', () => {
  const FIELDS: Record<string, (filters: unknown[], model?: string) => [string, Record<string, unknown>]> = {
    series: (f) => ['query($i: SeriesInput!) { series(input: $i) { total { value } } }', { i: { metric: f.length && (f[0] as any).metric, range: RANGE, filters: f.map(strip) } }],
    breakdown: (f) => ['query($i: BreakdownInput!) { breakdown(input: $i) { total { value } } }', { i: { metric: (f[0] as any).metric, range: RANGE, dimensions: ['POLICY'], filters: f.map(strip) } }],
    kpis: (f) => ['query($i: KpiInput!) { kpis(input: $i) { current { value } } }', { i: { metrics: [(f[0] as any).metric], range: RANGE, comparison: 'NONE', filters: f.map(strip) } }],
    retrospective: (f) => ['query($f: [DimensionFilterInput!]) { retrospective(input: { week: "2026-03-02", filters: $f }) { week } }', { f: f.map(strip) }],
    annotators: (f) => ['query($i: AnnotatorsInput!) { annotators(input: $i) { id } }', { i: { range: RANGE, filters: f.map(strip) } }],
    annotatorAgreement: (f) => ['query($i: AnnotatorPairInput!) { annotatorAgreement(input: $i) { kappa } }', { i: { annotatorA: 'a', annotatorB: 'e', range: RANGE, filters: f.map(strip) } }],
  };
  function strip(f: unknown) {
    const { metric: _m, ...rest } = f as Record<string, unknown>;
    return rest;
  }
  // per scope: a moderation filter and an annotation filter outside it, on another dimension
  const OUTSIDE: Record<Exclude<ScopeName, 'none'>, { moderation: object; annotation: object; message: RegExp }> = {
    region: { moderation: { metric: 'decisions', dimension: 'COUNTRY', values: ['BR'] }, annotation: { metric: 'labels', dimension: 'QUEUE', values: ['es-general'] }, message: /is outside your access \(region: EU\)\.$/ },
    country: { moderation: { metric: 'decisions', dimension: 'REGION', values: ['EU'] }, annotation: { metric: 'labels', dimension: 'QUEUE', values: ['es-general'] }, message: /is outside your access \(country: US\)\.$|limited by country \(US\), and metric labels is not kept by country/ },
    vendor: { moderation: { metric: 'labels', dimension: 'SITE', values: ['tessera-bogota'] }, annotation: { metric: 'labels', dimension: 'SITE', values: ['tessera-bogota'] }, message: /is outside your access \(vendor: kestrel\)\.$/ },
  };
  const cases = SCOPED.flatMap((scope) => Object.keys(FIELDS).map((field) => [scope, field] as const));
  it.each(cases)('%s scope: %s', async (scope, field) => {
    const o = OUTSIDE[scope as Exclude<ScopeName, 'none'>];
    const filter = field === 'annotators' || field === 'annotatorAgreement' ? o.annotation : o.moderation;
    const [query, variables] = FIELDS[field]!([filter]);
    expect(refusal(await api.gql(query, variables, SCOPES[scope]))).toMatch(o.message);
  });

  it.each([
    ['region', 'model safety-mm is outside your access (region: EU)'], // its predictions are in SEA and NA only
    ['country', 'model safety-mm is outside your access (country: US)'],
    ['vendor', 'model safety-mm is outside your access (vendor: kestrel)'],
  ] as const)('%s scope: model curves and score drift of a model outside the scope', async (scope, message) => {
    const curve = await api.gql('query($i: ModelCurveInput!) { modelCurve(input: $i) { averagePrecision } }', { i: { model: 'safety-mm', version: '3.3', range: RANGE } }, SCOPES[scope]);
    expect(refusal(curve)).toBe(`input.model: ${message}.`);
    const drift = await api.gql('query($i: ScoreDriftInput!) { scoreDrift(input: $i) { psi } }', { i: { model: 'safety-mm', baseline: RANGE, current: RANGE } }, SCOPES[scope]);
    expect(refusal(drift)).toBe(`input.model: ${message}.`);
  });
});

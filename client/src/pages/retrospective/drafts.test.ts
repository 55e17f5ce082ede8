import { describe, expect, it } from 'vitest';
import { itemDraft, noteDraft, splitTags, validateItem, validateNote, type NoteDraft } from './drafts';

const note = (over: Partial<NoteDraft> = {}): NoteDraft => ({ ...noteDraft(null, '2026-11-09'), title: 'Election in Brazil', ...over });

describe('note form', () => {
  it('sends a moment as startsAt alone, a span with its end, in UTC', () => {
    expect(validateNote(note()).input).toMatchObject({ startsAt: '2026-11-09T09:00:00Z', title: 'Election in Brazil' });
    expect(validateNote(note()).input).not.toHaveProperty('endsAt');
    expect(validateNote(note({ endsAt: '2026-11-15T00:00' })).input).toMatchObject({ endsAt: '2026-11-15T00:00:00Z' });
  });

  it('mirrors the server: title required and at most 200 characters, text at most 10,000, end not before start', () => {
    expect(validateNote(note({ title: '   ' })).errors.title).toBe('Title is required.');
    expect(validateNote(note({ title: 'x'.repeat(200) })).errors.title).toBeUndefined();
    expect(validateNote(note({ title: 'x'.repeat(201) })).errors.title).toMatch(/at most 200 characters \(it has 201\)/);
    expect(validateNote(note({ body: 'x'.repeat(10_001) })).errors.body).toMatch(/at most 10,000/);
    expect(validateNote(note({ body: 'line one\nline two\twith a tab' })).errors.body).toBeUndefined();
    expect(validateNote(note({ body: 'bell \u0007' })).errors.body).toMatch(/control characters/);
    expect(validateNote(note({ endsAt: '2026-11-09T08:59' })).errors.endsAt).toBe('The end must not be before the start.');
    expect(validateNote(note({ startsAt: '' })).errors.startsAt).toBeDefined();
    expect(validateNote(note({ title: '' })).input).toBeNull();
  });

  it('reads tags as typed (commas or spaces, case folded, no duplicates) and refuses what the server refuses', () => {
    expect(splitTags('Election, latam  surge,latam')).toEqual(['election', 'latam', 'surge']);
    expect(validateNote(note({ tags: 'ok-tag -bad' })).errors.tags).toMatch(/“-bad” is not a tag/);
    expect(validateNote(note({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(' ') })).errors.tags).toBe('At most 10 tags (there are 11).');
    expect(validateNote(note({ tags: 'election latam' })).input?.tags).toEqual(['election', 'latam']);
  });

  it('opens an existing note as it is stored (a moment has its end equal to its start)', () => {
    const stored = {
      id: 'n1', version: 3, startsAt: '2026-11-10T08:00:00Z', endsAt: '2026-11-10T08:00:00Z', title: 'T', body: 'B', tags: ['a'],
      regions: ['LATAM'], countries: [], policies: [], models: [], vendors: [], author: 'ana', deleted: false, updatedAt: '2026-11-10T09:00:00Z',
    };
    expect(noteDraft(stored, '2026-11-09')).toMatchObject({ startsAt: '2026-11-10T08:00', endsAt: '', tags: 'a', regions: ['LATAM'] });
    expect(noteDraft({ ...stored, endsAt: '2026-11-12T00:00:00Z' }, '2026-11-09').endsAt).toBe('2026-11-12T00:00');
  });
});

describe('item form', () => {
  it('requires an owner for actions only, and sends owner, due date and status only with actions', () => {
    const action = { ...itemDraft(null, 'ACTION'), text: 'Add LATAM reviewers' };
    expect(validateItem(action, '2026-11-09').errors.owner).toBe('Owner is required.');
    expect(validateItem({ ...action, owner: 'ops-latam', dueDate: '2026-11-20' }, '2026-11-09').input).toEqual({
      week: '2026-11-09', section: 'GENERAL', kind: 'ACTION', text: 'Add LATAM reviewers', owner: 'ops-latam', dueDate: '2026-11-20', status: 'OPEN',
      regions: [], countries: [], vendors: [],
    });
    const finding = { ...itemDraft(null, 'FINDING'), text: 'Reports tripled', owner: 'left over' };
    expect(validateItem(finding, '2026-11-09').input).toEqual({ week: '2026-11-09', section: 'GENERAL', kind: 'FINDING', text: 'Reports tripled', regions: [], countries: [], vendors: [] });
  });

  it('checks text and owner lengths and the due date', () => {
    const action = { ...itemDraft(null, 'ACTION'), text: 'x'.repeat(5001), owner: 'o'.repeat(101), dueDate: '2026-02-30' };
    const { errors } = validateItem(action, '2026-11-09');
    expect(errors.text).toMatch(/at most 5,000/);
    expect(errors.owner).toMatch(/at most 100/);
    expect(errors.dueDate).toMatch(/due date/);
  });

  it('keeps a carried-over action in the week it was written for', () => {
    const stored = {
      id: 'i1', version: 2, week: '2026-11-02', section: 'EVENTS' as const, kind: 'ACTION' as const, text: 'Fix', owner: 'bo', dueDate: null,
      status: 'OPEN' as const, regions: ['LATAM'], countries: [], vendors: [], author: 'bo', deleted: false, updatedAt: '2026-11-03T00:00:00Z',
    };
    const draft = { ...itemDraft(stored, 'ACTION'), status: 'DONE' as const };
    expect(validateItem(draft, stored.week).input).toMatchObject({ week: '2026-11-02', section: 'EVENTS', status: 'DONE', regions: ['LATAM'] });
  });
});

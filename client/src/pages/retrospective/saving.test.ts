import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { editReducer, fieldOf, saveFailure, startEdit, type Edit } from './saving';

const graphqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('save failures', () => {
  it('reads CONFLICT with the version now stored, FORBIDDEN, NOT_FOUND and refused input', () => {
    expect(saveFailure(graphqlError('changed since you loaded it', { code: 'CONFLICT', currentVersion: 4 }))).toEqual({
      kind: 'conflict', currentVersion: 4, message: 'changed since you loaded it',
    });
    expect(saveFailure(graphqlError('Writing incident notes needs the editor role.', { code: 'FORBIDDEN' })).kind).toBe('forbidden');
    expect(saveFailure(graphqlError('No note with id "x" (it was deleted).', { code: 'NOT_FOUND' })).kind).toBe('gone');
    expect(saveFailure(graphqlError('input.title is required.', { code: 'BAD_USER_INPUT', argument: 'input.title' }))).toEqual({
      kind: 'invalid', message: 'input.title is required.', argument: 'input.title',
    });
    expect(saveFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'other', message: 'The server could not be reached (Failed to fetch).' });
  });

  it('names the form field a refusal is about, when the form has one', () => {
    expect(fieldOf('input.title', ['title', 'body'])).toBe('title');
    expect(fieldOf('input.regions', ['title', 'body'])).toBeNull();
    expect(fieldOf(null, ['title'])).toBeNull();
  });
});

describe('editing through a conflict', () => {
  const conflict = { kind: 'conflict' as const, currentVersion: 5, message: 'changed' };
  const mine = 'my careful text';
  const inConflict = (): Edit<string> => editReducer(editReducer(startEdit(mine, 3), { type: 'save' }), { type: 'failed', failure: conflict });

  it('keeps my text, and says who won and at which version', () => {
    const edit = inConflict();
    expect(edit.draft).toBe(mine);
    expect(edit.status).toBe('conflict');
    expect(edit.baseVersion).toBe(3);
    expect(edit.message).toContain('now version 5');
    expect(edit.message).toContain('Your text is kept');
  });

  it('overwriting bases the next save on their version, with my text', () => {
    const edit = editReducer(inConflict(), { type: 'overwrite' });
    expect(edit).toMatchObject({ draft: mine, baseVersion: 5, status: 'editing', message: null });
  });

  it('typing on keeps the conflict open; taking theirs replaces my text only when chosen', () => {
    const typed = editReducer(inConflict(), { type: 'change', draft: `${mine}!` });
    expect(typed).toMatchObject({ status: 'conflict', draft: `${mine}!`, currentVersion: 5 });
    expect(editReducer(typed, { type: 'take', draft: 'their text', version: 5 })).toMatchObject({ draft: 'their text', baseVersion: 5, status: 'editing' });
  });

  it('overwrite means nothing outside a conflict, or when the stored version is unknown', () => {
    const plain = startEdit(mine, 3);
    expect(editReducer(plain, { type: 'overwrite' })).toBe(plain);
    const unknown = editReducer(startEdit(mine, 3), { type: 'failed', failure: { ...conflict, currentVersion: NaN } });
    expect(editReducer(unknown, { type: 'overwrite' }).baseVersion).toBe(3);
  });

  it('other failures keep the text and show the message next to the form', () => {
    const edit = editReducer(editReducer(startEdit(mine, 1), { type: 'save' }), { type: 'failed', failure: { kind: 'invalid', message: 'input.title is required.', argument: 'input.title' } });
    expect(edit).toMatchObject({ draft: mine, status: 'editing', message: 'input.title is required.', baseVersion: 1 });
  });
});

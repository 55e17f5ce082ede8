// What became of a save, and what the form does next. A stale edit is refused by the server
// with CONFLICT (extensions.currentVersion); the form then keeps the writer's text, shows the
// version it lost to, and lets them overwrite it (an edit based on that version) or take it.
// No path drops either side's text without the writer choosing so.
import { CombinedGraphQLErrors } from '@apollo/client';
import { describeError } from '../../errors';

export type SaveFailure =
  | { kind: 'conflict'; currentVersion: number; message: string }
  | { kind: 'forbidden'; message: string }
  /** refused input; `argument` is the server's name for the field at fault (input.title) */
  | { kind: 'invalid'; message: string; argument: string | null }
  | { kind: 'gone'; message: string }
  | { kind: 'other'; message: string };

export function saveFailure(error: unknown): SaveFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.['code'] ?? '');
    const message = first?.message ?? describeError(error);
    if (code === 'CONFLICT') {
      const version = Number(first?.extensions?.['currentVersion']);
      return { kind: 'conflict', currentVersion: Number.isInteger(version) ? version : NaN, message };
    }
    if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return { kind: 'forbidden', message };
    if (code === 'NOT_FOUND') return { kind: 'gone', message };
    if (code === 'BAD_USER_INPUT') {
      const argument = first?.extensions?.['argument'];
      return { kind: 'invalid', message, argument: typeof argument === 'string' ? argument : null };
    }
    return { kind: 'other', message };
  }
  return { kind: 'other', message: describeError(error) };
}

/** "input.title" → "title": the form field a refusal is about, when the form has one. */
export function fieldOf(argument: string | null, fields: readonly string[]): string | null {
  const name = argument?.replace(/^input\./, '') ?? null;
  return name !== null && fields.includes(name) ? name : null;
}

export function conflictText(currentVersion: number, who?: string): string {
  const version = Number.isFinite(currentVersion) ? ` (now version ${currentVersion}${who ? `, by ${who}` : ''})` : '';
  return `Someone else changed this${version}. Your text is kept below: overwrite their version with yours, or take theirs.`;
}

/** An edit in progress: the text being written, and the version it is based on. */
export interface Edit<D> {
  draft: D;
  baseVersion: number;
  status: 'editing' | 'saving' | 'conflict';
  /** set on conflict: the version now stored, which an overwrite must name */
  currentVersion: number | null;
  message: string | null;
}

export type EditAction<D> =
  | { type: 'change'; draft: D }
  | { type: 'save' }
  | { type: 'failed'; failure: SaveFailure }
  /** write mine over theirs: the next save is based on the version that won */
  | { type: 'overwrite' }
  /** drop mine for theirs (their draft and version) */
  | { type: 'take'; draft: D; version: number };

export function startEdit<D>(draft: D, baseVersion: number): Edit<D> {
  return { draft, baseVersion, status: 'editing', currentVersion: null, message: null };
}

export function editReducer<D>(edit: Edit<D>, action: EditAction<D>): Edit<D> {
  switch (action.type) {
    case 'change':
      // Typing on during a conflict keeps it open: the choice is still to be made.
      return { ...edit, draft: action.draft, status: edit.status === 'saving' ? 'editing' : edit.status };
    case 'save':
      return { ...edit, status: 'saving', message: null };
    case 'failed':
      if (action.failure.kind === 'conflict') {
        return { ...edit, status: 'conflict', currentVersion: action.failure.currentVersion, message: conflictText(action.failure.currentVersion) };
      }
      return { ...edit, status: 'editing', message: action.failure.message };
    case 'overwrite':
      if (edit.status !== 'conflict' || edit.currentVersion === null || !Number.isFinite(edit.currentVersion)) return edit;
      return { ...edit, baseVersion: edit.currentVersion, status: 'editing', currentVersion: null, message: null };
    case 'take':
      return startEdit(action.draft, action.version);
  }
}

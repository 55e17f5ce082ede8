import { useEffect, useId, useReducer, useState, type FormEvent } from 'react';
import { dimensionLabel, dimensionValues } from '../../catalogue';
import { MultiSelect } from '../../components/MultiSelect';
import { useDashboard } from '../../dashboard/dashboard';
import type { Dimension, NoteFieldsFragment } from '../../generated/graphql';
import { ConflictBanner, FieldError } from './Conflict';
import { LIMITS, noteDraft, validateNote, type Errors, type NoteDraft, type NoteField } from './drafts';
import { useRetroEditing } from './editing';
import { editReducer, fieldOf, saveFailure, startEdit, type Edit, type EditAction } from './saving';

const SCOPE: readonly { dimension: Dimension; key: 'regions' | 'policies' | 'models' | 'vendors'; noun: string }[] = [
  { dimension: 'REGION', key: 'regions', noun: 'regions' },
  { dimension: 'POLICY', key: 'policies', noun: 'policies' },
  { dimension: 'MODEL', key: 'models', noun: 'models' },
  { dimension: 'VENDOR', key: 'vendors', noun: 'vendors' },
];
const FIELDS: readonly NoteField[] = ['startsAt', 'endsAt', 'title', 'body', 'tags'];
const reducer = (edit: Edit<NoteDraft>, action: EditAction<NoteDraft>) => editReducer(edit, action);

/** Writing or editing an incident note: when, what, and which regions, policies, models and vendors it concerns. */
export function NoteForm({ note, onDone }: { note: NoteFieldsFragment | null; onDone: () => void }) {
  const { week, forbid, mutations, canEdit } = useRetroEditing();
  const { catalogue } = useDashboard();
  const [edit, dispatch] = useReducer(reducer, null, () => startEdit(noteDraft(note, week), note?.version ?? 0));
  const [errors, setErrors] = useState<Errors<NoteField>>({});
  const [theirs, setTheirs] = useState<NoteFieldsFragment | null | undefined>(undefined);
  const id = useId();
  // By id: refetching their version re-renders this note with a new object.
  const noteId = note?.id ?? null;
  const d = edit.draft;
  const set = (patch: Partial<NoteDraft>) => dispatch({ type: 'change', draft: { ...d, ...patch } });

  useEffect(() => {
    if (edit.status !== 'conflict' || !noteId) return;
    let live = true;
    setTheirs(undefined);
    mutations.latestNote(noteId).then(
      (n) => live && setTheirs(n),
      () => live && setTheirs(null),
    );
    return () => {
      live = false;
    };
  }, [edit.status, edit.currentVersion, noteId, mutations]);

  const save = async (asNew: boolean, baseVersion = edit.baseVersion) => {
    const { errors: found, input } = validateNote(d);
    setErrors(found);
    if (!input) return;
    dispatch({ type: 'save' });
    try {
      await mutations.saveNote(asNew || !note ? null : note.id, input, baseVersion);
      onDone();
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'forbidden') forbid(failure.message);
      if (failure.kind === 'invalid') {
        const field = fieldOf(failure.argument, FIELDS) as NoteField | null;
        if (field) setErrors({ [field]: failure.message });
      }
      dispatch({ type: 'failed', failure });
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };
  const busy = edit.status === 'saving';
  const described = (field: NoteField) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="retro-form" onSubmit={onSubmit} aria-label={note ? `Edit note ${note.title}` : 'New incident note'} noValidate>
      {edit.status === 'conflict' ? (
        <ConflictBanner
          message={edit.message ?? ''}
          busy={busy}
          theirs={theirs === undefined || theirs === null ? theirs : <NoteSummary note={theirs} />}
          overwriteLabel={theirs?.deleted ? 'They deleted it: save mine as a new note' : 'Overwrite with mine'}
          onOverwrite={() => {
            if (theirs?.deleted) return void save(true);
            const version = edit.currentVersion ?? edit.baseVersion;
            dispatch({ type: 'overwrite' });
            void save(false, version);
          }}
          onTakeTheirs={theirs && !theirs.deleted ? () => dispatch({ type: 'take', draft: noteDraft(theirs, week), version: theirs.version }) : null}
        />
      ) : null}
      <div className="retro-form-row">
        <label className="field">
          <span className="field-label">Starts (UTC)</span>
          <input type="datetime-local" className="text-input" value={d.startsAt} onChange={(e) => set({ startsAt: e.target.value })} aria-invalid={!!errors.startsAt} aria-describedby={described('startsAt')} required />
          <FieldError id={`${id}-startsAt-error`} error={errors.startsAt} />
        </label>
        <label className="field">
          <span className="field-label">Ends (UTC, empty for a moment)</span>
          <input type="datetime-local" className="text-input" value={d.endsAt} min={d.startsAt} onChange={(e) => set({ endsAt: e.target.value })} aria-invalid={!!errors.endsAt} aria-describedby={described('endsAt')} />
          <FieldError id={`${id}-endsAt-error`} error={errors.endsAt} />
        </label>
        <label className="field retro-grow">
          <span className="field-label">Title</span>
          <input className="text-input" value={d.title} maxLength={LIMITS.title + 50} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!errors.title} aria-describedby={described('title')} required />
          <FieldError id={`${id}-title-error`} error={errors.title} />
        </label>
      </div>
      <label className="field">
        <span className="field-label">What happened</span>
        <textarea className="text-input retro-textarea" rows={3} value={d.body} onChange={(e) => set({ body: e.target.value })} aria-invalid={!!errors.body} aria-describedby={described('body')} />
        <FieldError id={`${id}-body-error`} error={errors.body} />
      </label>
      <div className="retro-form-row">
        <label className="field">
          <span className="field-label">Tags</span>
          <input className="text-input" value={d.tags} placeholder="election, latam" onChange={(e) => set({ tags: e.target.value })} aria-invalid={!!errors.tags} aria-describedby={described('tags')} />
          <FieldError id={`${id}-tags-error`} error={errors.tags} />
        </label>
        {SCOPE.map((s) => (
          <MultiSelect
            key={s.key}
            label={dimensionLabel(catalogue, s.dimension)}
            noun={s.noun}
            choices={dimensionValues(catalogue, s.dimension)}
            selected={d[s.key]}
            onChange={(next) => set({ [s.key]: next })}
          />
        ))}
      </div>
      <p className="retro-hint">An empty scope means the note concerns every region, policy, model or vendor. Notes show as markers on the charts of the slices they concern.</p>
      {edit.message && edit.status !== 'conflict' ? (
        <p className="retro-field-error" role="alert">
          {edit.message}
        </p>
      ) : null}
      <div className="retro-form-actions">
        {/* Refused for this user: the form stays, so the text can still be copied elsewhere. */}
        <button type="submit" className="button" disabled={busy || edit.status === 'conflict' || !canEdit}>
          {busy ? 'Saving…' : note ? 'Save note' : 'Add note'}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A note in a few lines: their version in a conflict. */
export function NoteSummary({ note }: { note: NoteFieldsFragment }) {
  return (
    <>
      <span className="tile-muted">
        Version {note.version} by {note.author}
        {note.deleted ? ' — deleted' : ''}:
      </span>{' '}
      <strong>{note.title}</strong>
      {note.body ? <span className="retro-body"> {note.body}</span> : null}
    </>
  );
}

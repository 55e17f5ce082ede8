import { useId } from 'react';
import type { NoteFieldsFragment } from '../../generated/graphql';
import { AboutPickers, COUNTRY_FIELD, REGION_FIELD, VENDOR_FIELD, type AboutField } from './AboutPickers';
import { ConflictBanner, EditFooter, FieldError } from './Conflict';
import { LIMITS, noteDraft, validateNote, type NoteDraft, type NoteField } from './drafts';
import { useRetroEditing } from './editing';
import { startEdit } from './saving';
import { useVersionedSave } from './useVersionedSave';

const ABOUT: readonly AboutField[] = [
  REGION_FIELD,
  COUNTRY_FIELD,
  { dimension: 'POLICY', key: 'policies', noun: 'policies' },
  { dimension: 'MODEL', key: 'models', noun: 'models' },
  VENDOR_FIELD,
];
const FIELDS: readonly NoteField[] = ['startsAt', 'endsAt', 'title', 'body', 'tags'];

/** Writing or editing an incident note: when, what, and which regions, countries, policies, models and vendors it concerns. */
export function NoteForm({ note, onDone }: { note: NoteFieldsFragment | null; onDone: () => void }) {
  const { week, mutations, canEdit } = useRetroEditing();
  const { edit, errors, theirs, busy, set, take, onSubmit, overwrite, described } = useVersionedSave({
    start: () => startEdit(noteDraft(note, week), note?.version ?? 0),
    fields: FIELDS,
    validate: (draft: NoteDraft) => validateNote(draft),
    write: (input, asNew, baseVersion) => mutations.saveNote(asNew || !note ? null : note.id, input, baseVersion),
    entryId: note?.id ?? null,
    latest: mutations.latestNote,
    onDone,
  });
  const id = useId();
  const d = edit.draft;

  return (
    <form className="retro-form" onSubmit={onSubmit} aria-label={note ? `Edit note ${note.title}` : 'New incident note'} noValidate>
      {edit.status === 'conflict' ? (
        <ConflictBanner
          message={edit.message ?? ''}
          busy={busy}
          theirs={theirs === undefined || theirs === null ? theirs : <NoteSummary note={theirs} />}
          overwriteLabel={theirs?.deleted ? 'They deleted it: save mine as a new note' : 'Overwrite with mine'}
          onOverwrite={() => overwrite(theirs?.deleted === true)}
          onTakeTheirs={theirs && !theirs.deleted ? () => take(noteDraft(theirs, week), theirs.version) : null}
        />
      ) : null}
      <div className="retro-form-row">
        <label className="field">
          <span className="field-label">Starts (UTC)</span>
          <input type="datetime-local" className="text-input" value={d.startsAt} onChange={(e) => set({ startsAt: e.target.value })} aria-invalid={!!errors.startsAt} aria-describedby={described(id, 'startsAt')} required />
          <FieldError id={`${id}-startsAt-error`} error={errors.startsAt} />
        </label>
        <label className="field">
          <span className="field-label">Ends (UTC, empty for a moment)</span>
          <input type="datetime-local" className="text-input" value={d.endsAt} min={d.startsAt} onChange={(e) => set({ endsAt: e.target.value })} aria-invalid={!!errors.endsAt} aria-describedby={described(id, 'endsAt')} />
          <FieldError id={`${id}-endsAt-error`} error={errors.endsAt} />
        </label>
        <label className="field retro-grow">
          <span className="field-label">Title</span>
          <input className="text-input" value={d.title} maxLength={LIMITS.title + 50} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!errors.title} aria-describedby={described(id, 'title')} required />
          <FieldError id={`${id}-title-error`} error={errors.title} />
        </label>
      </div>
      <label className="field">
        <span className="field-label">What happened</span>
        <textarea className="text-input retro-textarea" rows={3} value={d.body} onChange={(e) => set({ body: e.target.value })} aria-invalid={!!errors.body} aria-describedby={described(id, 'body')} />
        <FieldError id={`${id}-body-error`} error={errors.body} />
      </label>
      <div className="retro-form-row">
        <label className="field">
          <span className="field-label">Tags</span>
          <input className="text-input" value={d.tags} placeholder="election, latam" onChange={(e) => set({ tags: e.target.value })} aria-invalid={!!errors.tags} aria-describedby={described(id, 'tags')} />
          <FieldError id={`${id}-tags-error`} error={errors.tags} />
        </label>
        <AboutPickers fields={ABOUT} draft={d} set={set} />
      </div>
      <p className="retro-hint">An empty list means the note concerns every region, country, policy, model or vendor; an editor with a limited access names places (and vendors) inside it. Notes show as markers on the charts of the slices they concern.</p>
      <EditFooter edit={edit} canEdit={canEdit} submitLabel={note ? 'Save note' : 'Add note'} onCancel={onDone} />
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

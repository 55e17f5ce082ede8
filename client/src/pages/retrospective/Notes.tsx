import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import type { NoteFieldsFragment } from '../../generated/graphql';
import { formatDate, formatMoment } from '../../time/labels';
import { aboutLabels } from './AboutPickers';
import { DeleteButton } from './DeleteButton';
import { useRetroEditing } from './editing';
import { NoteForm } from './NoteForm';

function noteWhen(n: NoteFieldsFragment): string {
  return n.endsAt === n.startsAt ? formatDate(n.startsAt, true) : `${formatMoment(n.startsAt)} – ${formatDate(n.endsAt, true)}`;
}

/** Incident notes overlapping the week: written by the team, drawn on every chart they concern. */
export function Notes({ notes }: { notes: readonly NoteFieldsFragment[] }) {
  const { canEdit } = useRetroEditing();
  const [adding, setAdding] = useState(false);
  const shown = notes.filter((n) => !n.deleted);
  return (
    <Panel
      id="notes"
      title="Incident notes"
      subtitle="What the team recorded this week; each note is a marker on the charts of its scope"
      aside={
        canEdit && !adding ? (
          <button type="button" className="button button-quiet no-print" onClick={() => setAdding(true)}>
            Add incident note
          </button>
        ) : null
      }
    >
      {adding ? <NoteForm note={null} onDone={() => setAdding(false)} /> : null}
      {shown.length === 0 && !adding ? <p className="state-detail">No incident note this week.</p> : null}
      <ul className="retro-list">
        {shown.map((n) => (
          <NoteRow key={n.id} note={n} />
        ))}
      </ul>
    </Panel>
  );
}

function NoteRow({ note }: { note: NoteFieldsFragment }) {
  const { canEdit, mutations } = useRetroEditing();
  const { catalogue } = useDashboard();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="retro-entry is-editing">
        <NoteForm note={note} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const scope = aboutLabels(catalogue, note);
  return (
    <li className="retro-entry" data-testid="retro-note" data-version={note.version}>
      <div className="retro-entry-main">
        <span className="event-when">● {noteWhen(note)}</span>
        <strong className="retro-note-title">{note.title}</strong>
        {note.body ? <p className="retro-body">{note.body}</p> : null}
        <div className="retro-meta">
          <span>{scope.length ? scope.join(', ') : 'Everywhere'}</span>
          {note.tags.map((t) => (
            <span key={t} className="retro-tag">
              #{t}
            </span>
          ))}
          <span>
            {note.author} · version {note.version}
          </span>
        </div>
      </div>
      {canEdit ? (
        <div className="retro-entry-actions no-print">
          <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Edit note ${note.title}`}>
            Edit
          </button>
          <DeleteButton what="note" onDelete={() => mutations.deleteNote(note.id, note.version)} />
        </div>
      ) : null}
    </li>
  );
}

import { useEffect, useId, useReducer, useState, type FormEvent } from 'react';
import { Select } from '../../components/Select';
import type { ActionStatus, RetroItemKind, RetroSection } from '../../generated/graphql';
import { ConflictBanner, FieldError } from './Conflict';
import { LIMITS, itemDraft, validateItem, type Errors, type ItemDraft, type ItemField } from './drafts';
import { useRetroEditing } from './editing';
import { SECTION_LABEL, type Item } from './items';
import { editReducer, fieldOf, saveFailure, startEdit, type Edit, type EditAction } from './saving';

const FIELDS: readonly ItemField[] = ['text', 'owner', 'dueDate'];
const SECTIONS = Object.keys(SECTION_LABEL) as RetroSection[];
export const STATUS_LABEL: Record<ActionStatus, string> = { OPEN: 'Open', DONE: 'Done', DROPPED: 'Dropped' };
const reducer = (edit: Edit<ItemDraft>, action: EditAction<ItemDraft>) => editReducer(edit, action);

/**
 * Writing or editing a finding, root cause or action item. `start` opens the form on an edit
 * already under way (a status change that met a conflict), so nothing typed or chosen is lost.
 */
export function ItemForm({ item, kind, noun, start, onDone }: { item: Item | null; kind: RetroItemKind; noun: string; start?: Edit<ItemDraft>; onDone: () => void }) {
  const { week, forbid, mutations, canEdit } = useRetroEditing();
  const [edit, dispatch] = useReducer(reducer, null, () => start ?? startEdit(itemDraft(item, kind), item?.version ?? 0));
  const [errors, setErrors] = useState<Errors<ItemField>>({});
  const [theirs, setTheirs] = useState<Item | null | undefined>(undefined);
  const id = useId();
  // By id: refetching their version re-renders this item with a new object.
  const itemId = item?.id ?? null;
  const d = edit.draft;
  const isAction = kind === 'ACTION';
  const set = (patch: Partial<ItemDraft>) => dispatch({ type: 'change', draft: { ...d, ...patch } });
  // An item keeps the week it was written for (a carried-over action stays in its own week).
  const itemWeek = item?.week ?? week;

  useEffect(() => {
    if (edit.status !== 'conflict' || !itemId) return;
    let live = true;
    setTheirs(undefined);
    mutations.latestItem(itemId).then(
      (i) => live && setTheirs(i),
      () => live && setTheirs(null),
    );
    return () => {
      live = false;
    };
  }, [edit.status, edit.currentVersion, itemId, mutations]);

  const save = async (asNew: boolean, baseVersion = edit.baseVersion) => {
    const { errors: found, input } = validateItem(d, asNew ? week : itemWeek);
    setErrors(found);
    if (!input) return;
    dispatch({ type: 'save' });
    try {
      await mutations.saveItem(asNew || !item ? null : item.id, input, baseVersion);
      onDone();
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'forbidden') forbid(failure.message);
      if (failure.kind === 'invalid') {
        const field = fieldOf(failure.argument, FIELDS) as ItemField | null;
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
  const described = (field: ItemField) => (errors[field] ? `${id}-${field}-error` : undefined);
  // Their version is gone from this week's answer when they deleted it (or closed a carried action).
  const theirsGone = edit.status === 'conflict' && theirs === null;

  return (
    <form className="retro-form" onSubmit={onSubmit} aria-label={item ? `Edit ${noun}` : `New ${noun}`} noValidate>
      {edit.status === 'conflict' ? (
        <ConflictBanner
          message={edit.message ?? ''}
          busy={busy}
          theirs={
            theirs === undefined ? undefined : theirs === null ? (
              <span className="tile-muted">It is no longer in this week's retrospective (deleted, or closed elsewhere).</span>
            ) : (
              <>
                <span className="tile-muted">
                  Version {theirs.version} by {theirs.author}:
                </span>{' '}
                <strong>{theirs.text}</strong>
                {theirs.kind === 'ACTION' ? (
                  <span className="tile-muted">
                    {' '}
                    — {theirs.owner}
                    {theirs.dueDate ? `, due ${theirs.dueDate}` : ''}, {STATUS_LABEL[theirs.status].toLowerCase()}
                  </span>
                ) : null}
              </>
            )
          }
          overwriteLabel={theirsGone ? `Save mine as a new ${noun}` : 'Overwrite with mine'}
          onOverwrite={() => {
            if (theirsGone) return void save(true);
            const version = edit.currentVersion ?? edit.baseVersion;
            dispatch({ type: 'overwrite' });
            void save(false, version);
          }}
          onTakeTheirs={theirs ? () => dispatch({ type: 'take', draft: itemDraft(theirs, kind), version: theirs.version }) : null}
        />
      ) : null}
      <label className="field">
        <span className="field-label">{noun.charAt(0).toUpperCase() + noun.slice(1)}</span>
        <textarea
          className="text-input retro-textarea"
          rows={2}
          value={d.text}
          onChange={(e) => set({ text: e.target.value })}
          aria-invalid={!!errors.text}
          aria-describedby={described('text')}
          maxLength={LIMITS.text + 100}
          required
        />
        <FieldError id={`${id}-text-error`} error={errors.text} />
      </label>
      <div className="retro-form-row">
        <Select label="About" value={d.section} options={SECTIONS.map((s) => ({ value: s, label: SECTION_LABEL[s] }))} onChange={(section) => set({ section })} />
        {isAction ? (
          <>
            <label className="field">
              <span className="field-label">Owner</span>
              <input className="text-input" value={d.owner} onChange={(e) => set({ owner: e.target.value })} aria-invalid={!!errors.owner} aria-describedby={described('owner')} required />
              <FieldError id={`${id}-owner-error`} error={errors.owner} />
            </label>
            <label className="field">
              <span className="field-label">Due</span>
              <input type="date" className="text-input" value={d.dueDate} onChange={(e) => set({ dueDate: e.target.value })} aria-invalid={!!errors.dueDate} aria-describedby={described('dueDate')} />
              <FieldError id={`${id}-dueDate-error`} error={errors.dueDate} />
            </label>
            <Select label="Status" value={d.status} options={(Object.keys(STATUS_LABEL) as ActionStatus[]).map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onChange={(status) => set({ status })} />
          </>
        ) : null}
      </div>
      {edit.message && edit.status !== 'conflict' ? (
        <p className="retro-field-error" role="alert">
          {edit.message}
        </p>
      ) : null}
      <div className="retro-form-actions">
        {/* Refused for this user: the form stays, so the text can still be copied elsewhere. */}
        <button type="submit" className="button" disabled={busy || edit.status === 'conflict' || !canEdit}>
          {busy ? 'Saving…' : item ? 'Save' : `Add ${noun}`}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

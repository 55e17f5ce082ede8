import { useId } from 'react';
import { Select } from '../../components/Select';
import type { ActionStatus, RetroItemKind, RetroSection } from '../../generated/graphql';
import { AboutPickers, COUNTRY_FIELD, REGION_FIELD, VENDOR_FIELD } from './AboutPickers';
import { ConflictBanner, EditFooter, FieldError } from './Conflict';
import { LIMITS, itemDraft, validateItem, type ItemDraft, type ItemField } from './drafts';
import { useRetroEditing } from './editing';
import { SECTION_LABEL, type Item } from './items';
import { startEdit, type Edit } from './saving';
import { useVersionedSave } from './useVersionedSave';

const FIELDS: readonly ItemField[] = ['text', 'owner', 'dueDate'];
const SECTIONS = Object.keys(SECTION_LABEL) as RetroSection[];
const ABOUT = [REGION_FIELD, COUNTRY_FIELD, VENDOR_FIELD] as const;
export const STATUS_LABEL: Record<ActionStatus, string> = { OPEN: 'Open', DONE: 'Done', DROPPED: 'Dropped' };

/**
 * Writing or editing a finding, root cause or action item. `start` opens the form on an edit
 * already under way (a status change that met a conflict), so nothing typed or chosen is lost.
 */
export function ItemForm({ item, kind, noun, start, onDone }: { item: Item | null; kind: RetroItemKind; noun: string; start?: Edit<ItemDraft>; onDone: () => void }) {
  const { week, mutations, canEdit } = useRetroEditing();
  // An item keeps the week it was written for (a carried-over action stays in its own week).
  const itemWeek = item?.week ?? week;
  const { edit, errors, theirs, busy, set, take, onSubmit, overwrite, described } = useVersionedSave({
    start: () => start ?? startEdit(itemDraft(item, kind), item?.version ?? 0),
    fields: FIELDS,
    validate: (draft: ItemDraft, asNew) => validateItem(draft, asNew ? week : itemWeek),
    write: (input, asNew, baseVersion) => mutations.saveItem(asNew || !item ? null : item.id, input, baseVersion),
    entryId: item?.id ?? null,
    latest: mutations.latestItem,
    onDone,
  });
  const id = useId();
  const d = edit.draft;
  const isAction = kind === 'ACTION';
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
          onOverwrite={() => overwrite(theirsGone)}
          onTakeTheirs={theirs ? () => take(itemDraft(theirs, kind), theirs.version) : null}
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
          aria-describedby={described(id, 'text')}
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
              <input className="text-input" value={d.owner} onChange={(e) => set({ owner: e.target.value })} aria-invalid={!!errors.owner} aria-describedby={described(id, 'owner')} required />
              <FieldError id={`${id}-owner-error`} error={errors.owner} />
            </label>
            <label className="field">
              <span className="field-label">Due</span>
              <input type="date" className="text-input" value={d.dueDate} onChange={(e) => set({ dueDate: e.target.value })} aria-invalid={!!errors.dueDate} aria-describedby={described(id, 'dueDate')} />
              <FieldError id={`${id}-dueDate-error`} error={errors.dueDate} />
            </label>
            <Select label="Status" value={d.status} options={(Object.keys(STATUS_LABEL) as ActionStatus[]).map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onChange={(status) => set({ status })} />
          </>
        ) : null}
      </div>
      <div className="retro-form-row">
        <AboutPickers fields={ABOUT} draft={d} set={set} />
      </div>
      <p className="retro-hint">Empty lists make a team-wide item, which everyone reads; an editor with a limited access names places (and vendors) inside it.</p>
      <EditFooter edit={edit} canEdit={canEdit} submitLabel={item ? 'Save' : `Add ${noun}`} onCancel={onDone} />
    </form>
  );
}

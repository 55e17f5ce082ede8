import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import type { ActionStatus, RetroItemKind } from '../../generated/graphql';
import { formatDate } from '../../time/labels';
import { aboutLabels } from './AboutPickers';
import { DeleteButton } from './DeleteButton';
import { itemDraft, validateItem, type ItemDraft } from './drafts';
import { useRetroEditing } from './editing';
import { ItemForm, STATUS_LABEL } from './ItemForm';
import { KINDS, SECTION_LABEL, type ListedItem } from './items';
import { editReducer, saveFailure, startEdit, type Edit } from './saving';

/** One kind of item (findings, root causes or action items), with its own "add" form. */
export function ItemsPanel({ kind, listed }: { kind: RetroItemKind; listed: readonly ListedItem[] }) {
  const { canEdit } = useRetroEditing();
  const [adding, setAdding] = useState(false);
  const meta = KINDS.find((k) => k.kind === kind)!;
  const subtitle = kind === 'ACTION' ? 'Owner, due date and status; open actions of earlier weeks carry over until done or dropped' : undefined;
  return (
    <Panel
      id={meta.id}
      title={meta.title}
      subtitle={subtitle}
      aside={
        canEdit && !adding ? (
          <button type="button" className="button button-quiet no-print" onClick={() => setAdding(true)}>
            Add {meta.noun}
          </button>
        ) : null
      }
    >
      {adding ? <ItemForm item={null} kind={kind} noun={meta.noun} onDone={() => setAdding(false)} /> : null}
      {listed.length === 0 && !adding ? <p className="state-detail">None yet.</p> : null}
      <ul className="retro-list">
        {listed.map((l) => (
          <ItemRow key={l.item.id} listed={l} noun={meta.noun} />
        ))}
      </ul>
    </Panel>
  );
}

function ItemRow({ listed, noun }: { listed: ListedItem; noun: string }) {
  const { item, carriedFrom, overdue } = listed;
  const { canEdit, forbid, mutations } = useRetroEditing();
  // null: showing the item; an edit: the form, possibly opened by a status change that met a conflict
  const [editing, setEditing] = useState<Edit<ItemDraft> | null>(null);
  const [statusBusy, setStatusBusy] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const { catalogue } = useDashboard();
  const about = aboutLabels(catalogue, item);

  if (editing) {
    return (
      <li className="retro-entry is-editing">
        <ItemForm item={item} kind={item.kind} noun={noun} start={editing} onDone={() => setEditing(null)} />
      </li>
    );
  }

  const changeStatus = async (status: ActionStatus) => {
    const draft = { ...itemDraft(item, item.kind), status };
    const { input } = validateItem(draft, item.week);
    if (!input) return setEditing(startEdit(draft, item.version));
    setStatusBusy(true);
    setStatusError(null);
    try {
      await mutations.saveItem(item.id, input, item.version);
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'forbidden') forbid(failure.message);
      // A conflict opens the form with the chosen status kept, next to their version.
      if (failure.kind === 'conflict') setEditing(editReducer(startEdit(draft, item.version), { type: 'failed', failure }));
      else setStatusError(failure.message);
    } finally {
      setStatusBusy(false);
    }
  };

  return (
    <li className={`retro-entry retro-item-${item.status.toLowerCase()}`} data-testid="retro-item" data-kind={item.kind} data-version={item.version} data-carried={carriedFrom ?? undefined}>
      <div className="retro-entry-main">
        <span className="retro-item-text">{item.text}</span>
        <div className="retro-meta">
          {item.kind === 'ACTION' ? (
            <>
              <span>
                Owner <strong>{item.owner}</strong>
              </span>
              {item.dueDate ? <span>due {formatDate(`${item.dueDate}T00:00:00Z`)}</span> : <span>no due date</span>}
            </>
          ) : null}
          {item.section !== 'GENERAL' ? <span className="retro-tag">{SECTION_LABEL[item.section]}</span> : null}
          {about.length ? <span data-testid="retro-item-about">{about.join(', ')}</span> : null}
          {carriedFrom ? (
            <span className="badge badge-at-risk" data-testid="retro-carried">
              Carried over from the week of {formatDate(`${carriedFrom}T00:00:00Z`)}
            </span>
          ) : null}
          {overdue ? <span className="badge badge-breached">Overdue</span> : null}
          <span>{item.author}</span>
        </div>
        {statusError ? (
          <span className="retro-field-error" role="alert">
            {statusError}
          </span>
        ) : null}
      </div>
      <div className="retro-entry-actions">
        {item.kind === 'ACTION' ? (
          canEdit ? (
            <label className="retro-status">
              <span className="visually-hidden">Status of {item.text}</span>
              <select className="select-button select-narrow" value={item.status} disabled={statusBusy} onChange={(e) => void changeStatus(e.target.value as ActionStatus)}>
                {(Object.keys(STATUS_LABEL) as ActionStatus[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="retro-status-text">{STATUS_LABEL[item.status]}</span>
          )
        ) : null}
        {item.kind === 'ACTION' && canEdit ? <span className="retro-status-text print-only">{STATUS_LABEL[item.status]}</span> : null}
        {canEdit ? (
          <span className="no-print retro-entry-buttons">
            <button type="button" className="link-button" onClick={() => setEditing(startEdit(itemDraft(item, item.kind), item.version))} aria-label={`Edit ${noun}: ${item.text}`}>
              Edit
            </button>
            <DeleteButton what={noun} onDelete={() => mutations.deleteItem(item.id, item.version)} />
          </span>
        ) : null}
      </div>
    </li>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { AuditLogDocument, type AuditLogInput } from '../../generated/graphql';
import { AUDIT_ACTIONS, auditDetail } from './adminForms';
import { TableScroll } from '../../components/TableScroll';

const PAGE = 50;
const ACTION_OPTIONS = [{ value: '', label: 'All actions' }, ...AUDIT_ACTIONS.map((a) => ({ value: a as string, label: a as string }))];

/**
 * The audit log, newest first, one page at a time: "Older" asks for the entries after the last
 * one shown (by its cursor: entries of the same millisecond are neither skipped nor repeated),
 * "Newer" goes back the way it came.
 */
export function AuditLogSection() {
  const [filter, setFilter] = useState({ actor: '', action: '' });
  const [actorText, setActorText] = useState('');
  // The `after` cursor of each page opened; the last is the page shown (null: the newest).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const input: AuditLogInput = {
    limit: PAGE,
    ...(after ? { after } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
  };
  const log = useQuery(AuditLogDocument, { variables: { input }, fetchPolicy: 'cache-and-network' });
  const entries = log.data?.auditLog ?? log.previousData?.auditLog;
  const id = useId();

  const apply = (next: { actor: string; action: string }) => {
    setFilter(next);
    setCursors([null]);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...filter, actor: actorText.trim().toLowerCase() });
  };
  const last = entries?.[entries.length - 1];

  return (
    <Panel title="Audit log" subtitle="Sign-ins, exports, note, item, user and token changes, newest first, with the address they came from." busy={log.loading}>
      <form className="page-controls admin-audit-filters" onSubmit={onSubmit} aria-label="Filter the audit log">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-actor`}>
            Actor
          </label>
          <input id={`${id}-actor`} className="text-input" value={actorText} placeholder="username" onChange={(e) => setActorText(e.target.value)} onBlur={() => actorText.trim().toLowerCase() !== filter.actor && apply({ ...filter, actor: actorText.trim().toLowerCase() })} />
        </div>
        <Select label="Action" value={filter.action} options={ACTION_OPTIONS} onChange={(action) => apply({ ...filter, action })} />
        <button type="submit" className="button button-quiet">
          Apply
        </button>
      </form>
      {log.error ? (
        <ErrorState what="the audit log" error={log.error} onRetry={() => void log.refetch().catch(() => undefined)} />
      ) : !entries ? (
        <LoadingState what="the audit log" />
      ) : entries.length === 0 ? (
        <p className="state-detail">{after ? 'No older entries.' : 'No entries match.'}</p>
      ) : (
        <TableScroll label="Audit log">
          <table className="data-table admin-table" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">At (UTC)</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Detail</th>
                <th scope="col">Address</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.cursor} data-testid="audit-row" data-action={e.action} data-target={e.target} className={e.ok ? undefined : 'is-failed'}>
                  <td className="admin-nowrap">{e.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.actor || '–'}</td>
                  <td>{e.action}</td>
                  <td className="admin-wrap">{e.target}</td>
                  <td className="admin-wrap">{auditDetail(e.detail)}</td>
                  <td>{e.ip}</td>
                  <td>{e.ok ? 'OK' : <span className="admin-bad">Failed</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="state-actions admin-paging">
        <button type="button" className="button button-quiet" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ← Newer
        </button>
        <button type="button" className="button button-quiet" disabled={!last || (entries?.length ?? 0) < PAGE} onClick={() => last && setCursors((c) => [...c, last.cursor])}>
          Older →
        </button>
      </div>
    </Panel>
  );
}

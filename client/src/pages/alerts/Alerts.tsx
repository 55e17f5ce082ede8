import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '../../auth/SessionGate';
import { atLeast } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import {
  AlertActivityDocument, AlertRulesDocument, DeleteAlertRuleDocument, EndAlertSilenceDocument, type AlertRuleFieldsFragment,
} from '../../generated/graphql';
import { describeError as errorText } from '../../errors';
import { Channels } from './Channels';
import { RuleForm } from './RuleForm';
import { SilenceForm, type SilenceTarget } from './SilenceForm';
import { when } from './ruleForm';

type Rule = AlertRuleFieldsFragment;

/** The condition in words, as the README's table names it. */
function conditionText(r: Rule): string {
  const c = r.condition;
  switch (c.type) {
    case 'TARGET':
      return c.level === 'AT_RISK' ? 'target at risk' : 'target breached';
    case 'CHANGE':
      return `significant change ${c.direction === 'UP' ? 'up' : c.direction === 'DOWN' ? 'down' : ''} vs ${c.comparison === 'PREVIOUS_WINDOW' ? 'the window before' : 'a week earlier'}`;
    case 'ANOMALY':
      return `anomaly ${c.direction === 'UP' ? 'above' : c.direction === 'DOWN' ? 'below' : 'outside'} the same-weekday band`;
    case 'THRESHOLD':
      return `${c.op === 'ABOVE' ? 'above' : 'below'} ${c.value}`;
  }
}

/**
 * Alerts: rules with their state and last evaluation; for editors, a rule created or edited with its
 * 90-day preview, silences with an end and a reason (a rule or one of its groups), ended early from
 * the list; the channels with their latest delivery (admins send a test through one); every
 * notification sent. Every rule listed lies inside the asker's scope (the server
 * lists no other), so an editor may change each one; viewers see no action.
 */
export function Alerts() {
  const { user } = useSession();
  const editor = atLeast(user, 'editor');
  const rules = useQuery(AlertRulesDocument, { fetchPolicy: 'cache-and-network' });
  const activity = useQuery(AlertActivityDocument, { fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: ['AlertRules', 'AlertActivity', 'FiringAlerts'], awaitRefetchQueries: true };
  const [remove] = useMutation(DeleteAlertRuleDocument, refetch);
  const [endSilence] = useMutation(EndAlertSilenceDocument, refetch);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Rule | null>(null);
  const [silencing, setSilencing] = useState<SilenceTarget | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  // The button that opened the edit or silence form: the keyboard goes back to it when the form
  // closes (saved or cancelled), rather than to the top of the page with the form gone.
  const opener = useRef<HTMLElement | null>(null);
  const [closedForm, setClosedForm] = useState(0);
  const rulesRef = useRef<HTMLDivElement>(null);
  /** Where the keyboard goes when what it was on is gone (a deleted rule's row): the rules table. */
  const focusRules = () => rulesRef.current?.querySelector<HTMLElement>('[role="region"]')?.focus();
  useEffect(() => {
    if (closedForm === 0) return;
    if (opener.current?.isConnected) opener.current.focus();
    else focusRules();
  }, [closedForm]);
  const openForm = (e: MouseEvent<HTMLElement>, form: { edit: Rule } | { silence: SilenceTarget }) => {
    opener.current = e.currentTarget;
    setNotice(null);
    setEditing('edit' in form ? form.edit : null);
    setSilencing('silence' in form ? form.silence : null);
  };
  const done = (text: string | null) => {
    setEditing(null);
    setSilencing(null);
    setNotice(text);
    setClosedForm((n) => n + 1);
  };
  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
    setNotice(null);
    try {
      await run();
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  const list = rules.data?.alertRules ?? [];

  return (
    <>
      {problem ? <p role="alert" className="form-error">{problem}</p> : null}
      {notice ? <p role="status" className="admin-notice">{notice}</p> : null}
      <Panel title="Rules" subtitle="Each rule's state and, per group, its latest evaluation: the figures and why it fires or not." busy={rules.loading}>
        {rules.error ? <p role="alert">{errorText(rules.error)}</p> : null}
        {list.length === 0 && !rules.loading ? <p>No alert rule watches data inside your access yet.</p> : null}
        <div ref={rulesRef}>
        <TableScroll label="Alert rules">
          <table className="data-table alert-rules" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Condition</th>
                <th scope="col">State</th>
                <th scope="col">Latest evaluation</th>
                {editor ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => {
                const shown = r.groups.filter((g) => g.state !== 'OK');
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.name}
                      <div className="muted">
                        {r.metric.label}
                        {r.groupBy.length ? ` per ${r.groupBy.map((d) => d.toLowerCase()).join(' × ')}` : ''}
                        {r.filters.length ? ` · ${r.filters.map((f) => `${f.dimension.toLowerCase()}: ${f.values.join(', ')}`).join('; ')}` : ''}
                      </div>
                    </th>
                    <td>
                      {conditionText(r)}
                      <div className="muted">
                        {r.windowHours} h window, for {r.forHours} h{r.minSize ? `, size ≥ ${r.minSize}` : ''}
                      </div>
                    </td>
                    <td data-state={r.state}>{r.state === 'FIRING' ? 'Firing' : r.state === 'PENDING' ? 'Pending' : 'OK'}</td>
                    <td>
                      {r.groups.length === 0 ? 'Not evaluated yet' : null}
                      {r.groups.length > 0 && shown.length === 0 ? `${r.groups.length === 1 ? 'OK' : `All ${r.groups.length} groups OK`} at ${when(r.groups[0]!.evaluatedUntil)}` : null}
                      <ul className="plain-list">
                        {shown.map((g) => (
                          <li key={g.groupKey}>
                            <strong>{g.groupLabel}</strong> ({g.state.toLowerCase()} since {when(g.since)}): {g.reason}
                            {editor && r.groupBy.length > 0 ? (
                              <>
                                {' '}
                                <button type="button" aria-label={`Silence ${g.groupLabel} of ${r.name}`} onClick={(e) => openForm(e, { silence: { ruleId: r.id, groupKey: g.groupKey, label: `${g.groupLabel} of ${r.name}` } })}>
                                  Silence this group
                                </button>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      {r.groups.length > 0 ? (
                        <details>
                          <summary>Why, per group</summary>
                          <ul className="plain-list">
                            {r.groups.map((g) => (
                              <li key={g.groupKey}>{g.groupLabel}: {g.reason}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    {editor ? (
                      <td>
                        <div className="alert-actions">
                        <button type="button" className="button button-quiet" aria-label={`Edit ${r.name}`} onClick={(e) => openForm(e, { edit: r })}>
                          Edit
                        </button>{' '}
                        <button type="button" className="button button-quiet" aria-label={`Silence ${r.name}`} onClick={(e) => openForm(e, { silence: { ruleId: r.id, groupKey: null, label: r.name } })}>
                          Silence
                        </button>{' '}
                        <button type="button" className="button button-quiet" aria-label={`Delete ${r.name}`} onClick={() => setDeleting(r)}>
                          Delete
                        </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        </div>
      </Panel>
      {deleting ? (
        <ConfirmDialog
          title="Delete this rule?"
          confirmLabel="Delete rule"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const rule = deleting;
            setDeleting(null);
            void act(async () => {
              await remove({ variables: { id: rule.id, expectedVersion: rule.version } });
              setNotice(`Rule "${rule.name}" deleted.`);
              focusRules();
            });
          }}
        >
          <p>
            "{deleting.name}" stops being evaluated and sends no more notifications.
          </p>
        </ConfirmDialog>
      ) : null}
      {editor && silencing ? (
        <Panel title={`Silence ${silencing.label}`} subtitle="Notifications are recorded as silenced until the end time; a silence can be ended early from the list below.">
          <SilenceForm key={`${silencing.ruleId}|${silencing.groupKey ?? ''}`} target={silencing} onDone={done} />
        </Panel>
      ) : null}
      {editor && editing ? <RuleForm key={editing.id} rule={editing} channels={rules.data?.alertChannels ?? []} onDone={done} /> : null}
      {editor && !editing ? <RuleForm channels={rules.data?.alertChannels ?? []} onDone={setNotice} /> : null}
      <Panel title="Silences" subtitle="Rules (or one group of a rule) kept quiet until their end time." busy={activity.loading}>
        {(activity.data?.alertSilences ?? []).length === 0 ? <p>No silence in force.</p> : null}
        <ul className="plain-list" aria-label="Silences in force">
          {(activity.data?.alertSilences ?? []).map((s) => {
            const rule = list.find((r) => r.id === s.ruleId);
            const what = `${rule?.name ?? s.ruleId}${s.groupKey ? ` — ${rule?.groups.find((g) => g.groupKey === s.groupKey)?.groupLabel ?? s.groupKey}` : ''}`;
            return (
              <li key={s.id}>
                {what}: until {when(s.endsAt)}, by {s.author} — {s.reason}{' '}
                {editor ? <button type="button" aria-label={`End the silence of ${what} now`} onClick={() => act(() => endSilence({ variables: { id: s.id, expectedVersion: s.version } }))}>End now</button> : null}
              </li>
            );
          })}
        </ul>
      </Panel>
      <Channels admin={atLeast(user, 'admin')} />
      <Panel title="Notifications" subtitle="Every attempt to tell someone, newest first, with its outcome." busy={activity.loading}>
        <TableScroll label="Notification history">
          <table className="data-table" aria-label="Notification history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Channel</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {(activity.data?.alertNotifications ?? []).map((n) => (
                <tr key={`${n.deliveryId}|${n.recordedAt}|${n.status}`}>
                  <td>{when(n.recordedAt)}</td>
                  <td>{n.subject}</td>
                  <td>{n.channel} ({n.channelKind})</td>
                  <td>{n.status.toLowerCase()}{n.attempts > 1 ? ` after ${n.attempts} attempts` : ''}{n.detail ? ` — ${n.detail}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Panel>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '../../auth/SessionGate';
import { atLeast } from '../../auth/session';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import {
  AlertActivityDocument, AlertPreviewDocument, AlertRulesDocument, CreateAlertRuleDocument, CreateAlertSilenceDocument, DeleteAlertRuleDocument,
  EndAlertSilenceDocument, type AlertConditionType, type AlertRuleFieldsFragment, type AlertRuleInput, type Dimension,
} from '../../generated/graphql';
import { describeError as errorText } from '../../errors';

type Rule = AlertRuleFieldsFragment;
const when = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '–');

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

/** Alerts: rules with their state and last evaluation, a new rule with its 90-day preview, silences, and every notification sent. */
export function Alerts() {
  const { user } = useSession();
  const editor = atLeast(user, 'editor');
  const rules = useQuery(AlertRulesDocument, { fetchPolicy: 'cache-and-network' });
  const activity = useQuery(AlertActivityDocument, { fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: ['AlertRules', 'AlertActivity', 'FiringAlerts'], awaitRefetchQueries: true };
  const [remove] = useMutation(DeleteAlertRuleDocument, refetch);
  const [silence] = useMutation(CreateAlertSilenceDocument, refetch);
  const [endSilence] = useMutation(EndAlertSilenceDocument, refetch);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
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
      <Panel title="Rules" subtitle="Each rule's state and, per group, its latest evaluation: the figures and why it fires or not." busy={rules.loading}>
        {rules.error ? <p role="alert">{errorText(rules.error)}</p> : null}
        {list.length === 0 && !rules.loading ? <p>No alert rule watches data inside your access yet.</p> : null}
        <div className="table-scroll">
          <table className="data-table" aria-label="Alert rules">
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
                        <button type="button" onClick={() => act(() => silence({ variables: { input: { ruleId: r.id, endsAt: new Date(Date.now() + 24 * 3600_000).toISOString(), reason: window.prompt('Why silence this rule for 24 hours?') || 'silenced from the Alerts page' } } }))}>
                          Silence 24 h
                        </button>{' '}
                        <button type="button" onClick={() => window.confirm(`Delete the rule "${r.name}"?`) && act(() => remove({ variables: { id: r.id, expectedVersion: r.version } }))}>
                          Delete
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Panel>
      {editor ? <NewRule channels={rules.data?.alertChannels ?? []} /> : null}
      <Panel title="Silences" subtitle="Rules kept quiet until their end time." busy={activity.loading}>
        {(activity.data?.alertSilences ?? []).length === 0 ? <p>No silence in force.</p> : null}
        <ul className="plain-list">
          {(activity.data?.alertSilences ?? []).map((s) => (
            <li key={s.id}>
              {list.find((r) => r.id === s.ruleId)?.name ?? s.ruleId}
              {s.groupKey ? ` — ${s.groupKey}` : ''}: until {when(s.endsAt)}, by {s.author} — {s.reason}{' '}
              {editor ? <button type="button" onClick={() => act(() => endSilence({ variables: { id: s.id, expectedVersion: s.version } }))}>End now</button> : null}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title="Notifications" subtitle="Every attempt to tell someone, newest first, with its outcome." busy={activity.loading}>
        <div className="table-scroll">
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
        </div>
      </Panel>
    </>
  );
}

const CONDITIONS: { type: AlertConditionType; label: string }[] = [
  { type: 'TARGET', label: 'Target breached' },
  { type: 'CHANGE', label: 'Significant change vs a week earlier' },
  { type: 'ANOMALY', label: 'Outside the same-weekday band' },
  { type: 'THRESHOLD', label: 'Threshold' },
];

/** A new rule: the fields of AlertRuleInput, a preview of the last 90 days, then Create. */
function NewRule({ channels }: { channels: readonly { id: string; kind: string }[] }) {
  const { catalogue } = useDashboard();
  const metrics = (catalogue?.metrics ?? []).filter((m) => m.kind === 'COUNT' || m.kind === 'RATE' || m.kind === 'BACKLOG');
  const [draft, setDraft] = useState({ name: '', metric: 'review_sla', groupBy: '', type: 'TARGET' as AlertConditionType, op: 'BELOW', value: '', windowHours: '24', forHours: '2', minSize: '0', minVolume: '30', channels: [] as string[] });
  const [preview, previewState] = useLazyQuery(AlertPreviewDocument, { fetchPolicy: 'network-only' });
  const [create, created] = useMutation(CreateAlertRuleDocument, { refetchQueries: ['AlertRules', 'FiringAlerts'], awaitRefetchQueries: true });
  const [problem, setProblem] = useState<string | null>(null);
  const metric = metrics.find((m) => m.id === draft.metric);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const input = (): AlertRuleInput => ({
    name: draft.name || `${metric?.label ?? draft.metric}: ${draft.type.toLowerCase()}`,
    metric: draft.metric, groupBy: draft.groupBy ? [draft.groupBy as Dimension] : [],
    condition: { type: draft.type, ...(draft.type === 'THRESHOLD' ? { op: draft.op as 'ABOVE' | 'BELOW', value: Number(draft.value) } : {}) },
    windowHours: Number(draft.windowHours), forHours: Number(draft.forHours), minSize: Number(draft.minSize), minVolume: Number(draft.minVolume), channels: draft.channels,
  });
  const run = async (what: 'preview' | 'create') => {
    setProblem(null);
    try {
      if (what === 'preview') await preview({ variables: { input: input() } });
      else await create({ variables: { input: input() } });
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('create');
  };
  const p = previewState.data?.alertPreview;

  return (
    <Panel title="New rule" subtitle="Preview shows what the rule would have fired on over the last 90 days of data; nothing is stored or sent until you create it.">
      <form className="alert-rule-form" onSubmit={submit} aria-label="New alert rule">
        <label>Name <input value={draft.name} onChange={set('name')} maxLength={120} /></label>
        <label>Metric
          <select value={draft.metric} onChange={set('metric')}>
            {metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        </label>
        <label>Per
          <select value={draft.groupBy} onChange={set('groupBy')}>
            <option value="">the whole slice</option>
            {(metric?.dimensions ?? []).map((d) => <option key={d} value={d}>{d.toLowerCase()}</option>)}
          </select>
        </label>
        <label>Condition
          <select value={draft.type} onChange={set('type')}>
            {CONDITIONS.map((c) => <option key={c.type} value={c.type}>{c.label}</option>)}
          </select>
        </label>
        {draft.type === 'THRESHOLD' ? (
          <>
            <label>Direction <select value={draft.op} onChange={set('op')}><option value="ABOVE">above</option><option value="BELOW">below</option></select></label>
            <label>Value <input value={draft.value} onChange={set('value')} inputMode="decimal" /></label>
          </>
        ) : null}
        <label>Window (hours) <input value={draft.windowHours} onChange={set('windowHours')} inputMode="numeric" /></label>
        <label>For (hours) <input value={draft.forHours} onChange={set('forHours')} inputMode="numeric" /></label>
        <label>Minimum size <input value={draft.minSize} onChange={set('minSize')} inputMode="decimal" /></label>
        <label>Minimum volume <input value={draft.minVolume} onChange={set('minVolume')} inputMode="numeric" /></label>
        {channels.length ? (
          <fieldset>
            <legend>Notify</legend>
            {channels.map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={draft.channels.includes(c.id)} onChange={(e) => setDraft({ ...draft, channels: e.target.checked ? [...draft.channels, c.id] : draft.channels.filter((x) => x !== c.id) })} /> {c.id} ({c.kind})
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={() => void run('preview')} disabled={previewState.loading}>Preview 90 days</button>
          <button type="submit" disabled={created.loading}>Create rule</button>
        </div>
      </form>
      {problem ? <p role="alert" className="form-error">{problem}</p> : null}
      {p ? (
        <div aria-label="Preview">
          <p>{p.episodes.length === 0 ? 'It would not have fired' : `It would have fired ${p.episodes.length} time${p.episodes.length > 1 ? 's' : ''}`} in {p.evaluations.toLocaleString('en-US')} evaluations from {when(p.range.from)} to {when(p.range.to)}.</p>
          <ul className="plain-list">
            {p.episodes.map((e) => (
              <li key={`${e.groupKey}|${e.since}`}>
                <strong>{e.groupLabel}</strong>: fired {when(e.firedAt)}, {e.resolvedAt ? `resolved ${when(e.resolvedAt)}` : 'still firing'} — {e.worst.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Panel>
  );
}

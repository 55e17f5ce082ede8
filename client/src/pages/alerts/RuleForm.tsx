import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useApolloClient, useLazyQuery, useMutation } from '@apollo/client/react';
import { dimensionLabel, dimensionValues } from '../../catalogue';
import { MultiSelect } from '../../components/MultiSelect';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import {
  AlertPreviewDocument, AlertRulesDocument, CreateAlertRuleDocument, UpdateAlertRuleDocument,
  type AlertConditionType, type AlertRuleFieldsFragment, type Dimension,
} from '../../generated/graphql';
import { saveFailure } from '../retrospective/saving';
import { draftFromRule, emptyDraft, when, inputFromDraft, validateDraft, withMetric, type RuleDraft, type RuleErrors, type RuleField } from './ruleForm';

type Rule = AlertRuleFieldsFragment;

const CONDITIONS: { type: AlertConditionType; label: string }[] = [
  { type: 'TARGET', label: 'Target' },
  { type: 'CHANGE', label: 'Significant change' },
  { type: 'ANOMALY', label: 'Outside the same-weekday band' },
  { type: 'THRESHOLD', label: 'Threshold' },
];
const REFETCH = { refetchQueries: ['AlertRules', 'FiringAlerts'], awaitRefetchQueries: true };

/** A labelled control with its error under it, tied by id for screen readers. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  return (
    <div className="alert-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}) })}
      {error ? <span className="retro-field-error" id={`${id}-error`}>{error}</span> : null}
    </div>
  );
}

/**
 * A rule's fields with a preview of the last 90 days: empty for a new rule, filled with the rule's
 * values for an edit, which saves against the version loaded (a rule changed meanwhile is refused
 * with CONFLICT: the user reloads it and edits again).
 */
export function RuleForm({ rule, channels, onDone }: {
  /** the rule being edited; absent for a new one */
  rule?: Rule;
  channels: readonly { id: string; kind: string }[];
  /** after a save (with what was saved) or Cancel (null) */
  onDone: (saved: string | null) => void;
}) {
  const id = useId();
  const client = useApolloClient();
  const { catalogue } = useDashboard();
  const metrics = (catalogue?.metrics ?? []).filter((m) => m.kind === 'COUNT' || m.kind === 'RATE' || m.kind === 'BACKLOG');
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyDraft()));
  const [version, setVersion] = useState(rule?.version ?? 0);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const [preview, previewState] = useLazyQuery(AlertPreviewDocument, { fetchPolicy: 'network-only' });
  const [create, created] = useMutation(CreateAlertRuleDocument, REFETCH);
  const [update, updated] = useMutation(UpdateAlertRuleDocument, REFETCH);
  const metric = metrics.find((m) => m.id === draft.metric);
  const change = (next: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...next }));
  const text = (k: keyof RuleDraft) => (e: { target: { value: string } }) => change({ [k]: e.target.value });
  const input = inputFromDraft(draft, metric);
  const what = rule ? 'Edit alert rule' : 'New alert rule';
  const formRef = useRef<HTMLFormElement>(null);
  // An edit opens below the list: the keyboard goes there with it (a new-rule form is always there and takes no focus).
  useEffect(() => {
    if (rule) formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [rule]);

  /** Checks the draft; the server's refusal of a field goes under that field, anything else below the form. */
  const run = async (action: 'preview' | 'save') => {
    setProblem(null);
    const found = validateDraft(draft, metric);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      if (action === 'preview') {
        await preview({ variables: { input } });
        setPreviewedFor(JSON.stringify(input));
      } else if (rule) {
        await update({ variables: { id: rule.id, expectedVersion: version, input } });
        onDone(`Rule "${input.name}" saved.`);
      } else {
        await create({ variables: { input } });
        // the form starts again for the next rule; the preview was of the one just created
        setDraft(metric ? withMetric(emptyDraft(), metric) : emptyDraft());
        setPreviewedFor(null);
        onDone(`Rule "${input.name}" created.`);
      }
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'conflict') {
        setConflict(`Someone changed this rule since you opened it${Number.isFinite(failure.currentVersion) ? ` (now version ${failure.currentVersion})` : ''}, so it was not saved. Reload the rule to see their version, then make your change again.`);
        return;
      }
      const field = failure.kind === 'invalid' ? failure.argument?.replace(/^input\.(condition\.)?/, '') : null;
      if (field && ['name', 'value', 'windowHours', 'forHours', 'minSize', 'minVolume', 'renotifyHours', 'groupBy'].includes(field)) setErrors({ [field as RuleField]: failure.message.replace(/^[\w.[\]]+: /, '') });
      else setProblem(failure.message);
    }
  };
  const reload = async () => {
    if (!rule) return;
    setProblem(null);
    try {
      const fresh = (await client.query({ query: AlertRulesDocument, fetchPolicy: 'network-only' })).data?.alertRules.find((r) => r.id === rule.id);
      if (!fresh) {
        setConflict(null);
        setProblem('This rule no longer exists (someone deleted it).');
        return;
      }
      setDraft(draftFromRule(fresh));
      setVersion(fresh.version);
      setErrors({});
      setConflict(null);
    } catch (e) {
      setProblem(saveFailure(e).message);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('save');
  };
  const p = previewState.data?.alertPreview;
  const previewCurrent = p && previewedFor === JSON.stringify(input);
  const saving = created.loading || updated.loading;

  return (
    <Panel
      title={rule ? `Edit rule: ${rule.name}` : 'New rule'}
      subtitle={`Preview shows what the rule would have fired on over the last 90 days of data; nothing is stored or sent until you ${rule ? 'save' : 'create'} it.`}
    >
      <form ref={formRef} className="alert-rule-form" onSubmit={submit} aria-label={what} noValidate>
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          {(props) => <input {...props} className="text-input" value={draft.name} onChange={text('name')} maxLength={120} placeholder={`${metric?.label ?? draft.metric}: ${draft.type.toLowerCase()}`} />}
        </Field>
        <Field id={`${id}-metric`} label="Metric">
          {(props) => (
            <select {...props} className="select-button" value={draft.metric} onChange={(e) => { const m = metrics.find((x) => x.id === e.target.value); if (m) setDraft((d) => withMetric(d, m)); }}>
              {metrics.length === 0 ? <option value={draft.metric}>{rule?.metric.label ?? draft.metric}</option> : null}
              {metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          )}
        </Field>
        <fieldset className="alert-slice">
          <legend>Slice (nothing ticked: every value)</legend>
          {(metric?.dimensions ?? []).map((d) => {
            const label = dimensionLabel(catalogue, d);
            return (
              <MultiSelect
                key={d}
                label={label}
                noun={`${label.toLowerCase()} values`}
                allText="Any"
                choices={dimensionValues(catalogue, d)}
                selected={draft.filters[d] ?? []}
                onChange={(values) => change({ filters: { ...draft.filters, [d]: values } })}
              />
            );
          })}
        </fieldset>
        <Field id={`${id}-per`} label="Per" error={errors.groupBy}>
          {(props) => (
            <select {...props} className="select-button" value={draft.groupBy[0]} onChange={(e) => change({ groupBy: [e.target.value as Dimension | '', e.target.value ? draft.groupBy[1] : ''] })}>
              <option value="">the whole slice</option>
              {(metric?.dimensions ?? []).map((d) => <option key={d} value={d}>{dimensionLabel(catalogue, d).toLowerCase()}</option>)}
            </select>
          )}
        </Field>
        {draft.groupBy[0] ? (
          <Field id={`${id}-per2`} label="And by">
            {(props) => (
              <select {...props} className="select-button" value={draft.groupBy[1]} onChange={(e) => change({ groupBy: [draft.groupBy[0], e.target.value as Dimension | ''] })}>
                <option value="">nothing else</option>
                {(metric?.dimensions ?? []).filter((d) => d !== draft.groupBy[0]).map((d) => <option key={d} value={d}>{dimensionLabel(catalogue, d).toLowerCase()}</option>)}
              </select>
            )}
          </Field>
        ) : null}
        <Field id={`${id}-condition`} label="Condition" error={errors.type}>
          {(props) => (
            <select {...props} className="select-button" value={draft.type} onChange={text('type')}>
              {CONDITIONS.map((c) => <option key={c.type} value={c.type}>{c.label}</option>)}
            </select>
          )}
        </Field>
        {draft.type === 'TARGET' ? (
          <Field id={`${id}-level`} label="Fires when">
            {(props) => (
              <select {...props} className="select-button" value={draft.level} onChange={text('level')}>
                <option value="BREACHED">the target is breached</option>
                <option value="AT_RISK">the target is at risk</option>
              </select>
            )}
          </Field>
        ) : null}
        {draft.type === 'CHANGE' ? (
          <Field id={`${id}-comparison`} label="Compared with">
            {(props) => (
              <select {...props} className="select-button" value={draft.comparison} onChange={text('comparison')}>
                <option value="PREVIOUS_WEEK">the same window a week earlier</option>
                <option value="PREVIOUS_WINDOW">the window just before</option>
              </select>
            )}
          </Field>
        ) : null}
        {draft.type === 'CHANGE' || draft.type === 'ANOMALY' ? (
          <Field id={`${id}-direction`} label="Direction">
            {(props) => (
              <select {...props} className="select-button" value={draft.direction} onChange={text('direction')}>
                <option value="ANY">either way</option>
                <option value="UP">up</option>
                <option value="DOWN">down</option>
              </select>
            )}
          </Field>
        ) : null}
        {draft.type === 'THRESHOLD' ? (
          <>
            <Field id={`${id}-op`} label="Direction">
              {(props) => (
                <select {...props} className="select-button" value={draft.op} onChange={text('op')}>
                  <option value="ABOVE">above</option>
                  <option value="BELOW">below</option>
                </select>
              )}
            </Field>
            <Field id={`${id}-value`} label={metric?.unit === 'RATIO' ? 'Value (0 to 1)' : 'Value'} error={errors.value}>
              {(props) => <input {...props} className="text-input" value={draft.value} onChange={text('value')} inputMode="decimal" />}
            </Field>
          </>
        ) : null}
        <Field id={`${id}-window`} label="Window (hours)" error={errors.windowHours}>
          {(props) => <input {...props} className="text-input" value={draft.windowHours} onChange={text('windowHours')} inputMode="numeric" />}
        </Field>
        <Field id={`${id}-for`} label="For (hours)" error={errors.forHours}>
          {(props) => <input {...props} className="text-input" value={draft.forHours} onChange={text('forHours')} inputMode="numeric" />}
        </Field>
        <Field id={`${id}-size`} label="Minimum size" error={errors.minSize}>
          {(props) => <input {...props} className="text-input" value={draft.minSize} onChange={text('minSize')} inputMode="decimal" />}
        </Field>
        <Field id={`${id}-volume`} label="Minimum volume" error={errors.minVolume}>
          {(props) => <input {...props} className="text-input" value={draft.minVolume} onChange={text('minVolume')} inputMode="numeric" />}
        </Field>
        <Field id={`${id}-renotify`} label="Re-notify every (hours, 0: never)" error={errors.renotifyHours}>
          {(props) => <input {...props} className="text-input" value={draft.renotifyHours} onChange={text('renotifyHours')} inputMode="numeric" />}
        </Field>
        <fieldset className="alert-channels">
          <legend>Notify</legend>
          {channels.length === 0 ? <span className="muted">No channel is configured (VIGIL_ALERT_CHANNELS).</span> : null}
          {channels.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={draft.channels.includes(c.id)}
                onChange={(e) => change({ channels: e.target.checked ? channels.map((x) => x.id).filter((x) => x === c.id || draft.channels.includes(x)) : draft.channels.filter((x) => x !== c.id) })}
              />
              <span>{c.id} ({c.kind})</span>
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
          <span>Enabled</span>
        </label>
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={() => void run('preview')} disabled={previewState.loading}>Preview 90 days</button>
          <button type="submit" className="button" disabled={saving || conflict !== null}>{rule ? (saving ? 'Saving…' : 'Save rule') : saving ? 'Creating…' : 'Create rule'}</button>
          {rule ? <button type="button" className="button button-quiet" onClick={() => onDone(null)}>Cancel</button> : null}
        </div>
      </form>
      {conflict ? (
        <div className="retro-conflict" role="alert" data-testid="alert-rule-conflict">
          <p className="retro-conflict-title">{conflict}</p>
          <div className="state-actions">
            <button type="button" className="button" onClick={() => void reload()}>Reload the rule</button>
          </div>
        </div>
      ) : null}
      {problem ? <p role="alert" className="form-error">{problem}</p> : null}
      {p && previewedFor !== null && !previewCurrent ? <p className="muted">The preview below is of earlier values; preview again to see these.</p> : null}
      {p && previewedFor !== null ? (
        <div aria-label="Preview" role="region">
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

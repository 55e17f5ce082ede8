import { useCallback, useId, useState } from 'react';
import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FAMILY_LABELS } from '../../catalogue';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { SetTargetDocument, TargetsDocument, type MetricFamily, type TargetChange, type TargetSettingFieldsFragment } from '../../generated/graphql';
import { formatDate } from '../../time/labels';
import { FieldError } from '../retrospective/Conflict';
import { saveFailure } from '../retrospective/saving';
import { AdminConflict, useStaleEdit, versionText } from './AdminConflict';
import { refusal, type Errors } from './adminForms';
import { CHANGE_TEXT, DIRECTIONS, TARGET_FIELDS, targetDraft, targetText, unitHint, validateTarget, type TargetDraft, type TargetField } from './targetForms';
import { FormFooter, ListStates, Notice, TextField } from './formParts';
import { TableScroll } from '../../components/TableScroll';

type Setting = TargetSettingFieldsFragment;
const FAMILIES = Object.keys(FAMILY_LABELS) as MetricFamily[];

/**
 * A target change applies at once to every answer the server gives. The metric in the answer is
 * normalized by id, so the catalogue's copy (tiles' "target ≥ …", chart target lines) updates in
 * the cache; the catalogue is asked again anyway, and cached figures whose target status the
 * server computed (KPIs, retrospectives) are dropped so the next page asks for them afresh.
 */
const AFTER_CHANGE = {
  refetchQueries: ['Targets', 'Catalogue'],
  awaitRefetchQueries: true,
  update(cache: ApolloCache) {
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'kpis' });
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'retrospective' });
    cache.gc();
  },
};

/** The target in force and the default, as an admin reads them side by side. */
const inForce = (s: Setting) => s.metric.target ?? null;

/** Targets: each metric's default target (the catalogue's) and the one in force; admins set, remove or restore it. */
export function TargetsSection() {
  const targets = useQuery(TargetsDocument, { fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = targets.data?.targets ?? targets.previousData?.targets;

  return (
    <Panel
      title="Targets"
      subtitle="Each metric's target: the catalogue's default unless an admin changed it. A change applies at once to every tile, chart, the Overview's attention list and the retrospective, and is written to the audit log."
      busy={targets.loading}
    >
      <Notice text={notice} />
      <ListStates what="the targets" list={list} error={targets.error} refetch={targets.refetch}>
        {(list) => (
          <TableScroll label="Targets">
            <table className="data-table admin-table" aria-label="Targets">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Default</th>
                  <th scope="col">In force</th>
                  <th scope="col">Source</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              {FAMILIES.map((family) => {
                const rows = list.filter((s) => s.metric.family === family);
                return rows.length === 0 ? null : (
                  <tbody key={family}>
                    <tr className="admin-group-row">
                      <th scope="colgroup" colSpan={6}>
                        {FAMILY_LABELS[family]}
                      </th>
                    </tr>
                    {rows.map((s) => (
                      <TargetRows
                        key={s.metric.id}
                        setting={s}
                        open={open === s.metric.id}
                        onOpen={(opening) => {
                          setNotice(null);
                          setOpen(opening ? s.metric.id : null);
                        }}
                        onSaved={(message) => {
                          setOpen(null);
                          setNotice(message);
                        }}
                      />
                    ))}
                  </tbody>
                );
              })}
            </table>
          </TableScroll>
          )}
      </ListStates>
    </Panel>
  );
}

function TargetRows({ setting, open, onOpen, onSaved }: { setting: Setting; open: boolean; onOpen: (open: boolean) => void; onSaved: (message: string) => void }) {
  const { metric } = setting;
  const current = inForce(setting);
  return (
    <>
      <tr data-testid="target-row" data-metric={metric.id}>
        <th scope="row">{metric.label}</th>
        <td>{targetText(setting.defaultTarget, metric.unit)}</td>
        <td>{setting.overridden ? <strong>{targetText(current, metric.unit)}</strong> : targetText(current, metric.unit)}</td>
        <td>{setting.overridden ? (current ? 'Set by an admin' : 'Removed by an admin') : 'Default'}</td>
        <td className="admin-muted">{setting.updatedAt ? `${formatDate(setting.updatedAt, true)} by ${setting.updatedBy ?? '?'}` : '–'}</td>
        <td>
          <div className="admin-actions">
            <button type="button" className="button button-quiet" aria-expanded={open} aria-label={`Edit target of ${metric.label}`} onClick={() => onOpen(!open)}>
              Edit
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="admin-form-row">
          <td colSpan={6}>
            <TargetForm setting={setting} onDone={(message) => (message ? onSaved(message) : onOpen(false))} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/**
 * One metric's target: value, direction and at-risk margin in the metric's display unit, then
 * Save, No target or Restore default. Each names the version the form started from; when another
 * admin changed the target in between, the server refuses (CONFLICT) and the form keeps this
 * admin's entry, shows theirs, and lets them save over it or take it.
 */
function TargetForm({ setting, onDone }: { setting: Setting; onDone: (message: string | null) => void }) {
  const { metric } = setting;
  const client = useApolloClient();
  const [draft, setDraft] = useState<TargetDraft>(() => targetDraft(inForce(setting) ?? setting.defaultTarget, metric.unit, metric.goodDirection));
  const [baseVersion, setBaseVersion] = useState(setting.version);
  const [errors, setErrors] = useState<Errors<TargetField>>({});
  const [message, setMessage] = useState<string | null>(null);
  // which change met the conflict, so "save mine over theirs" repeats that one
  const [lost, setLost] = useState<TargetChange>('SET');
  const loadTheirs = useCallback(
    async () => (await client.query({ query: TargetsDocument, fetchPolicy: 'network-only' })).data?.targets.find((t) => t.metric.id === metric.id) ?? null,
    [client, metric.id],
  );
  const { conflict, onConflict, clear } = useStaleEdit(loadTheirs);
  const [setTarget, { loading }] = useMutation(SetTargetDocument, AFTER_CHANGE);
  const id = useId();
  const units = unitHint(metric.unit);
  const set = (patch: Partial<TargetDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async (change: TargetChange, version: number) => {
    setMessage(null);
    let target = null;
    if (change === 'SET') {
      const checked = validateTarget(draft, metric.unit);
      setErrors(checked.errors);
      if (!checked.input) return;
      target = checked.input;
    } else setErrors({});
    try {
      await setTarget({ variables: { metric: metric.id, expectedVersion: version, change, target } });
      onDone(`Target of ${metric.label} ${CHANGE_TEXT[change]}.`);
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'conflict') {
        setLost(change);
        return void onConflict(failure.currentVersion);
      }
      const refused = refusal(failure, TARGET_FIELDS, 'target.');
      setErrors(refused.errors);
      setMessage(refused.message);
    }
  };

  const theirs = conflict?.theirs ?? null;
  const theirsText = theirs ? (theirs.overridden ? targetText(inForce(theirs), metric.unit) : `the default, ${targetText(theirs.defaultTarget, metric.unit)}`) : null;

  return (
    <form
      className="retro-form admin-form"
      aria-label={`Target of ${metric.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save('SET', baseVersion);
      }}
      noValidate
    >
      {conflict ? (
        <AdminConflict
          testId="target-conflict"
          busy={loading}
          title={`Someone else changed the target of ${metric.label} since you opened it (${versionText(
            conflict.currentVersion,
            theirs?.updatedAt ? `by ${theirs.updatedBy ?? '?'} on ${formatDate(theirs.updatedAt, true)}` : undefined,
          )}). Your entry is kept below.`}
          theirs={theirsText ? `Theirs: ${theirsText}` : null}
          overwriteLabel={lost === 'SET' ? 'Save mine over theirs' : lost === 'NONE' ? 'Remove the target anyway' : 'Restore the default anyway'}
          onOverwrite={
            Number.isFinite(conflict.currentVersion)
              ? () => {
                  setBaseVersion(conflict.currentVersion);
                  clear();
                  void save(lost, conflict.currentVersion);
                }
              : null
          }
          onReload={
            theirs
              ? () => {
                  setDraft(targetDraft(inForce(theirs) ?? theirs.defaultTarget, metric.unit, metric.goodDirection));
                  setBaseVersion(theirs.version);
                  setErrors({});
                  clear();
                }
              : null
          }
        />
      ) : null}
      <div className="retro-form-row">
        <TextField
          id={`${id}-value`}
          label={`Target (${units.value})`}
          value={draft.value}
          error={errors.value}
          hint={metric.unit === 'SECONDS' ? 'e.g. 45 s, 30 min, 4 h or 1 h 30 min' : metric.unit === 'RATIO' ? 'e.g. 95 for 95 %' : undefined}
          autoComplete="off"
          onChange={(value) => set({ value })}
        />
        <div className="admin-field">
          <Select label="Direction" value={draft.direction} options={DIRECTIONS} onChange={(direction) => set({ direction })} />
          <FieldError id={`${id}-direction-error`} error={errors.direction} />
        </div>
        <TextField
          id={`${id}-margin`}
          label={`At-risk margin (${units.margin})`}
          value={draft.atRiskMargin}
          error={errors.atRiskMargin}
          hint="How close to the target, on the good side, counts as at risk."
          autoComplete="off"
          onChange={(atRiskMargin) => set({ atRiskMargin })}
        />
      </div>
      <p className="retro-hint">Default: {targetText(setting.defaultTarget, metric.unit)}.</p>
      <FormFooter message={message} loading={loading} disabled={conflict !== null} label="Save target" busyLabel="Saving…" onCancel={() => onDone(null)}>
        <button type="button" className="button button-quiet" disabled={loading || conflict !== null || (setting.overridden && !inForce(setting))} onClick={() => void save('NONE', baseVersion)}>
          No target
        </button>
        <button type="button" className="button button-quiet" disabled={loading || conflict !== null || !setting.overridden} onClick={() => void save('DEFAULT', baseVersion)}>
          Restore default
        </button>
      </FormFooter>
    </form>
  );
}

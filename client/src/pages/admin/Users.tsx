import { useCallback, useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import {
  CreateUserDocument,
  SetPasswordDocument,
  UpdateUserDocument,
  UsersDocument,
  type Role,
  type UserFieldsFragment,
} from '../../generated/graphql';
import { formatDate } from '../../time/labels';
import { FieldError } from '../retrospective/Conflict';
import { saveFailure } from '../retrospective/saving';
import {
  emptyNewUser,
  NEW_USER_FIELDS,
  passwordProblem,
  PASSWORD_MIN,
  refusal,
  ROLES,
  roleLabel,
  validateNewUser,
  type Errors,
  type NewUserField,
  type ScopeDraft,
} from './adminForms';
import { AdminConflict, useStaleEdit, versionText } from './AdminConflict';
import { FormFooter, ListStates, Notice, TextField } from './formParts';
import { SCOPE_HINT, ScopePickers, useScopeText } from './ScopePickers';
import { TableScroll } from '../../components/TableScroll';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r.value, label: `${r.label} — ${r.may}` }));
// Every change is answered with the user as stored; the list is asked again so versions and
// "updated by" stay true (users have no id, so the cache cannot patch the list by itself).
const REFETCH = { refetchQueries: ['Users'], awaitRefetchQueries: true };

/** Users: who may sign in, with which role and data scope; create, edit, disable, set a password. */
export function UsersSection() {
  const users = useQuery(UsersDocument, { fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ username: string; what: 'edit' | 'password' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scopeText = useScopeText();
  const list = users.data?.users ?? users.previousData?.users;

  return (
    <Panel
      title="Users"
      subtitle={SCOPE_HINT}
      busy={users.loading}
      aside={
        adding ? null : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            New user
          </button>
        )
      }
    >
      {adding ? (
        <NewUserForm
          onDone={(created) => {
            setAdding(false);
            if (created) setNotice(`User ${created} created.`);
          }}
        />
      ) : null}
      <Notice text={notice} />
      <ListStates what="the users" list={list} error={users.error} refetch={users.refetch}>
        {(list) => (
          <TableScroll label="Users">
            <table className="data-table admin-table" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Role</th>
                  <th scope="col">Regions</th>
                  <th scope="col">Countries</th>
                  <th scope="col">Vendors</th>
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <UserRows
                    key={u.username}
                    user={u}
                    open={open?.username === u.username ? open.what : null}
                    onOpen={(what) => {
                      setNotice(null);
                      setOpen(what ? { username: u.username, what } : null);
                    }}
                    onSaved={(message) => {
                      setOpen(null);
                      setNotice(message);
                    }}
                    scopeText={scopeText}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
          )}
      </ListStates>
    </Panel>
  );
}

function UserRows({ user, open, onOpen, onSaved, scopeText }: {
  user: UserFieldsFragment;
  open: 'edit' | 'password' | null;
  onOpen: (what: 'edit' | 'password' | null) => void;
  onSaved: (message: string) => void;
  scopeText: ReturnType<typeof useScopeText>;
}) {
  return (
    <>
      <tr data-testid="user-row" data-username={user.username} className={user.disabled ? 'is-disabled' : undefined}>
        <th scope="row">{user.username}</th>
        <td>{roleLabel(user.role)}</td>
        <td>{scopeText('REGION', user.regions)}</td>
        <td>{scopeText('COUNTRY', user.countries)}</td>
        <td>{scopeText('VENDOR', user.vendors)}</td>
        <td>{user.disabled ? <span className="admin-bad">Disabled</span> : 'Active'}</td>
        <td className="admin-muted">
          {formatDate(user.updatedAt, true)} by {user.updatedBy}
        </td>
        <td>
          <div className="admin-actions">
            <button type="button" className="button button-quiet" aria-expanded={open === 'edit'} aria-label={`Edit ${user.username}`} onClick={() => onOpen(open === 'edit' ? null : 'edit')}>
              Edit
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={open === 'password'}
              aria-label={`Set password of ${user.username}`}
              onClick={() => onOpen(open === 'password' ? null : 'password')}
            >
              Set password
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="admin-form-row">
          <td colSpan={8}>
            {open === 'edit' ? (
              <EditUserForm user={user} onDone={(saved) => (saved ? onSaved(`${user.username} saved.`) : onOpen(null))} />
            ) : (
              <SetPasswordForm user={user} onDone={(saved) => (saved ? onSaved(`Password of ${user.username} set; their sessions have ended.`) : onOpen(null))} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NewUserForm({ onDone }: { onDone: (created: string | null) => void }) {
  const [draft, setDraft] = useState(emptyNewUser);
  const [errors, setErrors] = useState<Errors<NewUserField>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [createUser, { loading }] = useMutation(CreateUserDocument, REFETCH);
  const id = useId();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = validateNewUser(draft);
    setErrors(found);
    setMessage(null);
    if (!input) return;
    try {
      const { data } = await createUser({ variables: { input } });
      onDone(data?.createUser.username ?? input.username);
    } catch (e) {
      const refused = refusal(saveFailure(e), NEW_USER_FIELDS);
      setErrors(refused.errors);
      setMessage(refused.message);
    }
  };

  return (
    <form className="retro-form admin-form" aria-label="New user" onSubmit={submit} noValidate>
      <div className="retro-form-row">
        <TextField id={`${id}-username`} label="Username" value={draft.username} error={errors.username} autoComplete="off" onChange={(username) => set({ username })} />
        <TextField
          id={`${id}-password`}
          label="Initial password"
          type="password"
          value={draft.password}
          error={errors.password}
          hint={`At least ${PASSWORD_MIN} characters; tell it to them out of band. They can change it under Account.`}
          autoComplete="new-password"
          onChange={(password) => set({ password })}
        />
        <div className="admin-field">
          <Select<Role> label="Role" value={draft.role} options={ROLE_OPTIONS} onChange={(role) => set({ role })} />
          <FieldError id={`${id}-role-error`} error={errors.role} />
        </div>
      </div>
      <div className="retro-form-row">
        <ScopePickers scope={draft} onChange={(scope) => set(scope)} errors={errors} idPrefix={id} />
      </div>
      <FormFooter message={message} loading={loading} label="Create user" busyLabel="Creating…" onCancel={() => onDone(null)} />
    </form>
  );
}

interface EditDraft extends ScopeDraft {
  role: Role;
  disabled: boolean;
}
type EditField = 'role' | 'regions' | 'countries' | 'vendors' | 'disabled' | 'username';
const EDIT_FIELDS: readonly EditField[] = ['role', 'regions', 'countries', 'vendors', 'disabled', 'username'];
const editDraft = (u: UserFieldsFragment): EditDraft => ({ role: u.role, regions: [...u.regions], countries: [...u.countries], vendors: [...u.vendors], disabled: u.disabled });

/**
 * Role, scope and disabled. The save names the version the form started from; when another admin
 * saved the user in between, the server refuses (CONFLICT) and the form keeps these choices,
 * shows what the other admin stored, and lets this admin keep theirs or save over it.
 */
function EditUserForm({ user, onDone }: { user: UserFieldsFragment; onDone: (saved: boolean) => void }) {
  const client = useApolloClient();
  const [draft, setDraft] = useState(() => editDraft(user));
  const [baseVersion, setBaseVersion] = useState(user.version);
  const [errors, setErrors] = useState<Errors<EditField>>({});
  const [message, setMessage] = useState<string | null>(null);
  // Their version, for the banner: the list asked again (users have no history query).
  const loadTheirs = useCallback(
    async () => (await client.query({ query: UsersDocument, fetchPolicy: 'network-only' })).data?.users.find((u) => u.username === user.username) ?? null,
    [client, user.username],
  );
  const { conflict, onConflict, clear } = useStaleEdit(loadTheirs);
  const [updateUser, { loading }] = useMutation(UpdateUserDocument, REFETCH);
  const scopeText = useScopeText();
  const id = useId();

  const save = async (version: number) => {
    setErrors({});
    setMessage(null);
    try {
      await updateUser({
        variables: { username: user.username, expectedVersion: version, input: { role: draft.role, regions: draft.regions, countries: draft.countries, vendors: draft.vendors, disabled: draft.disabled } },
      });
      onDone(true);
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'conflict') return void (await onConflict(failure.currentVersion));
      const refused = refusal(failure, EDIT_FIELDS);
      setErrors(refused.errors);
      setMessage(refused.message);
    }
  };

  return (
    <form
      className="retro-form admin-form"
      aria-label={`Edit ${user.username}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(baseVersion);
      }}
      noValidate
    >
      {conflict ? (
        <AdminConflict
          testId="user-conflict"
          busy={loading}
          title={`Someone else changed ${user.username} since you opened it (${versionText(
            conflict.currentVersion,
            conflict.theirs ? `by ${conflict.theirs.updatedBy} on ${formatDate(conflict.theirs.updatedAt, true)}` : undefined,
          )}). Your choices are kept below.`}
          theirs={
            conflict.theirs
              ? `Theirs: ${roleLabel(conflict.theirs.role)} · regions ${scopeText('REGION', conflict.theirs.regions)} · countries ${scopeText('COUNTRY', conflict.theirs.countries)} · vendors ${scopeText('VENDOR', conflict.theirs.vendors)}${conflict.theirs.disabled ? ' · disabled' : ''}`
              : null
          }
          onOverwrite={
            Number.isFinite(conflict.currentVersion)
              ? () => {
                  setBaseVersion(conflict.currentVersion);
                  clear();
                  void save(conflict.currentVersion);
                }
              : null
          }
          onReload={
            conflict.theirs
              ? () => {
                  const theirs = conflict.theirs!;
                  setDraft(editDraft(theirs));
                  setBaseVersion(theirs.version);
                  clear();
                }
              : null
          }
        />
      ) : null}
      <div className="retro-form-row">
        <div className="admin-field">
          <Select<Role> label="Role" value={draft.role} options={ROLE_OPTIONS} onChange={(role) => setDraft((d) => ({ ...d, role }))} />
          <FieldError id={`${id}-role-error`} error={errors.role} />
        </div>
        <ScopePickers scope={draft} onChange={(scope) => setDraft((d) => ({ ...d, ...scope }))} errors={errors} idPrefix={id} />
        <div className="admin-field admin-check">
          <label className="check">
            <input type="checkbox" checked={draft.disabled} onChange={(e) => setDraft((d) => ({ ...d, disabled: e.target.checked }))} />
            <span>Disabled (cannot sign in; their sessions end)</span>
          </label>
          <FieldError id={`${id}-disabled-error`} error={errors.disabled ?? errors.username} />
        </div>
      </div>
      <p className="retro-hint">{SCOPE_HINT}</p>
      <FormFooter message={message} loading={loading} disabled={conflict !== null} label="Save" busyLabel="Saving…" onCancel={() => onDone(false)} />
    </form>
  );
}

/** A new password for someone who lost theirs: all their sessions end. */
function SetPasswordForm({ user, onDone }: { user: UserFieldsFragment; onDone: (saved: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A concurrent change of role or scope does not touch the password; still, say so and let the
  // admin confirm rather than writing silently over a version they have not seen.
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [setUserPassword, { loading }] = useMutation(SetPasswordDocument, REFETCH);
  const id = useId();

  const save = async (version: number) => {
    const problem = passwordProblem(password);
    setError(problem);
    setMessage(null);
    if (problem) return;
    try {
      await setUserPassword({ variables: { username: user.username, expectedVersion: version, password } });
      onDone(true);
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'conflict' && Number.isFinite(failure.currentVersion)) setConflictVersion(failure.currentVersion);
      else if (failure.kind === 'invalid' && failure.argument === 'password') setError(failure.message);
      else setMessage(failure.message);
    }
  };

  return (
    <form
      className="retro-form admin-form"
      aria-label={`Set password of ${user.username}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(user.version);
      }}
      noValidate
    >
      <div className="retro-form-row">
        <TextField id={`${id}-password`} label={`New password for ${user.username}`} type="password" value={password} error={error ?? undefined} autoComplete="new-password" onChange={setPassword} />
      </div>
      {conflictVersion !== null ? (
        <div className="retro-conflict" role="alert">
          <p className="retro-conflict-title">
            Someone else changed {user.username} since you opened it (now version {conflictVersion}). Their change stays; set the password anyway?
          </p>
          <div className="state-actions">
            <button type="button" className="button" disabled={loading} onClick={() => void save(conflictVersion)}>
              Set it anyway
            </button>
          </div>
        </div>
      ) : null}
      <FormFooter message={message} loading={loading} disabled={conflictVersion !== null} label="Set password" busyLabel="Setting…" onCancel={() => onDone(false)} />
    </form>
  );
}

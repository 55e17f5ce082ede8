import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useSession } from '../../auth/SessionGate';
import { scopeText } from '../../auth/session';
import { Panel } from '../../components/Panel';
import { EmptyState } from '../../components/StateViews';
import { ChangeMyPasswordDocument } from '../../generated/graphql';
import { saveFailure } from '../retrospective/saving';
import { PASSWORD_CHANGE_FIELDS, PASSWORD_MIN, refusal, validatePasswordChange, type Errors, type PasswordChangeField } from '../admin/adminForms';
import { TextField } from '../admin/formParts';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** The signed-in user: who they are, what they may see, and their password. */
export function Account() {
  const { user, proxy } = useSession();
  const scope = scopeText(user);
  return (
    <div className="admin">
      <Panel title="You">
        <p>
          Signed in as <strong>{user.username}</strong>, {user.role === 'compliance' ? 'a compliance officer' : `${user.role === 'admin' || user.role === 'analyst' ? 'an' : 'a'} ${user.role}`}. You see {scope ? `only ${scope}` : 'all regions, countries and vendors'}.
          {' '}Roles and scopes are given by an admin.
        </p>
      </Panel>
      {proxy ? (
        <EmptyState title="Your password is managed by your organisation's sign-in" detail="You signed in through the single sign-on proxy; change your password there." />
      ) : (
        <ChangePassword />
      )}
    </div>
  );
}

function ChangePassword() {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors<PasswordChangeField>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [change, { loading }] = useMutation(ChangeMyPasswordDocument);
  const id = useId();
  const set = (patch: Partial<typeof EMPTY>) => {
    setDone(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validatePasswordChange(draft);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    try {
      await change({ variables: { currentPassword: draft.currentPassword, newPassword: draft.newPassword } });
      setDraft(EMPTY);
      setDone(true);
    } catch (e) {
      const refused = refusal(saveFailure(e), PASSWORD_CHANGE_FIELDS);
      setErrors(refused.errors);
      setMessage(refused.message);
    }
  };

  return (
    <Panel title="Change password" subtitle="Your other sessions (other browsers, other devices) end when it changes; this one stays signed in.">
      <form className="admin-form admin-narrow" aria-label="Change password" onSubmit={submit} noValidate>
        <TextField id={`${id}-current`} label="Current password" type="password" autoComplete="current-password" value={draft.currentPassword} error={errors.currentPassword} onChange={(currentPassword) => set({ currentPassword })} />
        <TextField
          id={`${id}-new`}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters; a few words are easier to remember than symbols.`}
          value={draft.newPassword}
          error={errors.newPassword}
          onChange={(newPassword) => set({ newPassword })}
        />
        <TextField id={`${id}-repeat`} label="New password again" type="password" autoComplete="new-password" value={draft.repeat} error={errors.repeat} onChange={(repeat) => set({ repeat })} />
        {message ? (
          <p className="retro-field-error" role="alert">
            {message}
          </p>
        ) : null}
        {done ? (
          <p className="admin-notice" role="status">
            Password changed. Your other sessions have ended.
          </p>
        ) : null}
        <div className="retro-form-actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Panel>
  );
}

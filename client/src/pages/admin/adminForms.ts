// The Admin and Account forms without React: what a field must hold (checked here first so a typo
// costs no round trip, and again by the server, whose word is final), how scopes and audit
// details read, and the one-time display of a new token's secret.
import type { NewUserInput, Role as ApiRole } from '../../generated/graphql';
import type { SaveFailure } from '../retrospective/saving';

// The server's rules (server/auth/passwords.ts, accounts.ts), repeated for early answers only.
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;
const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export const ROLES: readonly { value: ApiRole; label: string; may: string }[] = [
  { value: 'VIEWER', label: 'Viewer', may: 'dashboards and retrospectives' },
  { value: 'ANALYST', label: 'Analyst', may: '+ Explore, the SQL behind figures, CSV export' },
  { value: 'EDITOR', label: 'Editor', may: '+ incident notes and retrospective findings' },
  { value: 'ADMIN', label: 'Admin', may: '+ users, ingestion tokens, the audit log' },
  // beside the ladder: an analyst's rights and the DSA report, not notes or users (unrestricted scope only)
  { value: 'COMPLIANCE', label: 'Compliance', may: 'as an analyst, + the DSA transparency report (with no scope)' },
];
export const roleLabel = (role: ApiRole) => ROLES.find((r) => r.value === role)?.label ?? role;

/** The ingestion streams (server/ingest/streams.ts); the server refuses any other name. */
export const STREAMS = [
  'moderation-decisions',
  'review-enqueues',
  'appeals',
  'model-predictions',
  'ground-truth',
  'annotation-tasks',
  'annotation-labels',
  'qa-audits',
] as const;

export type Errors<F extends string> = Partial<Record<F, string>>;

/**
 * A refused save as a form shows it: beside the field the server named ("input.username",
 * "target.value" with prefix "target."), when the form has that field; else one message for the form.
 */
export function refusal<F extends string>(failure: SaveFailure, fields: readonly F[], prefix = 'input.'): { errors: Errors<F>; message: string | null } {
  const argument = failure.kind === 'invalid' ? failure.argument : null;
  const name = argument?.startsWith(prefix) ? argument.slice(prefix.length) : argument;
  if (name && (fields as readonly string[]).includes(name)) return { errors: { [name]: failure.message } as Errors<F>, message: null };
  return { errors: {}, message: failure.message };
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `At least ${PASSWORD_MIN} characters (${password.length} now).`;
  if (password.length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters.`;
  if (new Set(password).size < 4) return 'Not one character repeated.';
  return null;
}

export interface ScopeDraft {
  regions: string[];
  countries: string[];
  vendors: string[];
}

export interface NewUserDraft extends ScopeDraft {
  username: string;
  password: string;
  role: ApiRole;
}
export type NewUserField = 'username' | 'password' | 'role' | 'regions' | 'countries' | 'vendors';
export const NEW_USER_FIELDS: readonly NewUserField[] = ['username', 'password', 'role', 'regions', 'countries', 'vendors'];

export const emptyNewUser = (): NewUserDraft => ({ username: '', password: '', role: 'VIEWER', regions: [], countries: [], vendors: [] });

/** The input to send, or what is wrong field by field. Usernames are stored lowercase. */
export function validateNewUser(draft: NewUserDraft): { errors: Errors<NewUserField>; input: NewUserInput | null } {
  const errors: Errors<NewUserField> = {};
  const username = draft.username.trim().toLowerCase();
  if (!USERNAME.test(username)) errors.username = '2–64 characters: lowercase letters, digits and . _ @ -, starting with a letter or digit.';
  const problem = passwordProblem(draft.password);
  if (problem) errors.password = problem;
  if (Object.keys(errors).length) return { errors, input: null };
  return {
    errors,
    input: { username, password: draft.password, role: draft.role, regions: draft.regions, countries: draft.countries, vendors: draft.vendors },
  };
}

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'repeat';
export const PASSWORD_CHANGE_FIELDS: readonly PasswordChangeField[] = ['currentPassword', 'newPassword', 'repeat'];

export function validatePasswordChange(draft: Record<PasswordChangeField, string>): Errors<PasswordChangeField> {
  const errors: Errors<PasswordChangeField> = {};
  if (!draft.currentPassword) errors.currentPassword = 'Your current password.';
  const problem = passwordProblem(draft.newPassword);
  if (problem) errors.newPassword = problem;
  else if (draft.newPassword === draft.currentPassword) errors.newPassword = 'The new password is the current one.';
  if (!errors.newPassword && draft.repeat !== draft.newPassword) errors.repeat = 'Does not match the new password.';
  return errors;
}

/**
 * A scope list in words: an empty list is no restriction ("All"), not "none" — the reading
 * admins most often get wrong, so the table says it outright.
 */
export function scopeList(codes: readonly string[], labelOf: (code: string) => string = (c) => c): string {
  return codes.length === 0 ? 'All' : codes.map(labelOf).join(', ');
}

export const streamsText = (streams: readonly string[]) => (streams.length === 0 ? 'All streams' : streams.join(', '));

/**
 * An audit entry's detail (JSON written by the server) as "key: value · key: value"; empty
 * values and empty objects left out; anything that is not a JSON object shown as it is.
 */
export function auditDetail(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detail;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    parts.push(`${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(' · ');
}

/**
 * The secret of a token just created. Only the server's answer to the create holds it (it keeps
 * a digest), so it lives here, in the page's memory, until dismissed: never in the Apollo cache
 * or the URL, and not again after a reload.
 */
export type SecretState = { kind: 'none' } | { kind: 'shown'; tokenId: string; name: string; secret: string; copied: 'idle' | 'done' | 'failed' };
export type SecretAction =
  | { type: 'created'; tokenId: string; name: string; secret: string }
  | { type: 'copied'; ok: boolean }
  | { type: 'dismissed' };

export function secretReducer(state: SecretState, action: SecretAction): SecretState {
  switch (action.type) {
    case 'created':
      return { kind: 'shown', tokenId: action.tokenId, name: action.name, secret: action.secret, copied: 'idle' };
    case 'copied':
      return state.kind === 'shown' ? { ...state, copied: action.ok ? 'done' : 'failed' } : state;
    case 'dismissed':
      return { kind: 'none' };
  }
}

/** Audit actions as the server writes them, for the filter (free text is accepted too). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'export',
  'note_created',
  'note_updated',
  'note_deleted',
  'item_created',
  'item_updated',
  'item_deleted',
  'user_created',
  'user_updated',
  'user_password_set',
  'token_created',
  'token_revoked',
  'target_changed',
  'alert_rule_created',
  'alert_rule_updated',
  'alert_rule_deleted',
  'alert_silenced',
  'alert_silence_ended',
  'alert_channel_tested',
  'ingest_refused',
] as const;

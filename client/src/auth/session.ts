// The signed-in user as the server tells it (/auth/me), and signing in and out. Roles rank like
// the server's (server/access/access.ts): what the UI hides, the server refuses anyway.
export type Role = 'viewer' | 'analyst' | 'editor' | 'admin' | 'compliance';
// compliance ranks with the analyst and, beside the ladder, has the DSA report (canUseDsaReport)
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, compliance: 1, editor: 2, admin: 3 };

export interface SessionUser {
  username: string;
  role: Role;
  scope: { regions: string[]; countries: string[]; vendors: string[] };
}

export const atLeast = (user: SessionUser | null, role: Role) => user !== null && RANK[user.role] >= RANK[role];

/** The DSA report is EU-wide: admins and compliance officers whose scope is unrestricted (as the server rules). */
export const canUseDsaReport = (user: SessionUser | null) =>
  user !== null && (user.role === 'admin' || user.role === 'compliance') && scopeText(user) === null;

/** Whether the user's data is limited, in words ("EU, NA"), or null when unrestricted. */
export function scopeText(user: SessionUser): string | null {
  const parts = [user.scope.regions, user.scope.countries, user.scope.vendors].filter((l) => l.length > 0).map((l) => l.join(', '));
  return parts.length ? parts.join(' · ') : null;
}

export async function fetchMe(): Promise<{ user: SessionUser; proxy: boolean } | null> {
  const res = await fetch('/auth/me', { credentials: 'same-origin' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(await errorOf(res));
  return (await res.json()) as { user: SessionUser; proxy: boolean };
}

/** Signs in; the user, or throws with the server's message (wrong credentials, throttled). */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  const res = await fetch('/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(await errorOf(res));
  return ((await res.json()) as { user: SessionUser }).user;
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON: fall through to the status
  }
  return `The server answered ${res.status}.`;
}

/** Fired when an API call finds the session gone (expired, signed out elsewhere). */
export const SESSION_ENDED = 'vigil:session-ended';

// Signing in to a running server (in-process or a child process) from tests, and asking GraphQL
// over HTTP as that user.

/** The first admin of every test server. */
export const TEST_ADMIN = { username: 'admin', password: 'correct horse battery staple' };

/** Signs in; the session cookie to send ("name=value"). Throws when refused. */
export async function signIn(url: string, username = TEST_ADMIN.username, password = TEST_ADMIN.password): Promise<string> {
  const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A GraphQL operation over HTTP with a session cookie; the data, or throws with the errors. */
export async function gqlOverHttp<T = any>(url: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors (${res.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

// Identity over real HTTP on a real embedded engine: sign-in and its cookie, sign-out, expiry,
// fixation, throttling without user enumeration, 401 everywhere but sign-in and health, roles
// refused above their level, scope changes applied at once, ingestion tokens, the audit log, CSRF,
// security headers, per-user rate limits, the trusted sign-in proxy and the first admin.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, TEST_ADMIN, type TestApi } from '../testing/testApi.js';
import { loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import { Sessions } from './sessions.js';
import { createSecurity, ensureFirstAdmin } from './security.js';
import { loadConfig } from '../config.js';
import { parse, type OperationDefinitionNode } from 'graphql';
import { expensiveFields, MAX_FRAGMENT_NESTING } from '../graphql/rateLimit.js';

let t: TestDatabase;
let api: TestApi;
let admin: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  api = await startTestApi(t, { http: true, ingest: { maxBytes: 65536, maxRows: 100, ratePerSecond: 1000, burst: 1000 } });
  admin = await api.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  for (const [username, role, regions] of [['vi', 'viewer', []], ['an', 'analyst', []], ['ed', 'editor', []], ['eu', 'analyst', ['EU']], ['tg', 'viewer', []]] as const) {
    await api.security.accounts.create(username, PASSWORD, { role, regions }, 'test', []);
  }
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const login = (username: string, password: string, headers: Record<string, string> = {}) => post('/auth/login', { username, password }, headers);
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
async function gql(cookie: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await post('/graphql', { query, variables }, cookie ? { cookie } : {});
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}
const codeOf = (r: Awaited<ReturnType<typeof gql>>) => r.body.errors?.[0]?.extensions.code;
const auditActions = async () => (await api.security.audit.list({ limit: 500 })).map((e) => `${e.actor}:${e.action}`);

describe('sessions', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie that expires, not Secure over plain HTTP', async () => {
    const res = await login('an', PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { username: 'an', role: 'analyst', scope: { regions: [], countries: [], vendors: [] } } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^vigil_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const me = await gql(cookieOf(res), '{ me { username role version updatedBy } }');
    expect(me.body.data.me).toEqual({ username: 'an', role: 'ANALYST', version: 1, updatedBy: 'test' });
  });

  it('marks the cookie Secure with the __Host- prefix behind HTTPS, and only from trusted proxies', async () => {
    const behindProxy = await startTestApi(t, { http: true, env: { VIGIL_TRUSTED_PROXIES: '127.0.0.1' } });
    const https = await fetch(`${behindProxy.url}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 'an', password: PASSWORD }),
    });
    expect(https.headers.get('set-cookie')).toMatch(/^__Host-vigil_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000');
    await behindProxy.stop();
    // the same header from a client that is not a trusted proxy changes nothing
    const spoofed = await login('an', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('ends the session at sign-out', async () => {
    const cookie = cookieOf(await login('vi', PASSWORD));
    expect((await gql(cookie, '{ me { username } }')).status).toBe(200);
    const out = await post('/auth/logout', {}, { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^vigil_session=; .*Max-Age=0/);
    const after = await gql(cookie, '{ me { username } }');
    expect(after.status).toBe(401);
    expect(after.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(await auditActions()).toContain('vi:logout');
  });

  it('issues a new session at every sign-in and ends the one presented (no fixation)', async () => {
    const first = cookieOf(await login('vi', PASSWORD));
    const second = await login('vi', PASSWORD, { cookie: first });
    expect(cookieOf(second)).not.toBe(first);
    expect((await gql(first, '{ me { username } }')).status).toBe(401);
    expect((await gql(cookieOf(second), '{ me { username } }')).status).toBe(200);
    // a cookie value the server never issued is nobody
    expect((await gql(`vigil_session=${'A'.repeat(43)}`, '{ me { username } }')).status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const { token } = await new Sessions(t.db, -60).create('vi', '127.0.0.1');
    expect((await gql(`vigil_session=${token}`, '{ me { username } }')).status).toBe(401);
  });
});

describe('sign-in failures', () => {
  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await login('ed', 'not the password at all');
    const unknown = await login('nobody-here', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual({ error: 'Wrong username or password.' });
    expect(await unknown.json()).toEqual({ error: 'Wrong username or password.' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await auditActions()).toEqual(expect.arrayContaining(['ed:login_failed', 'nobody-here:login_failed']));
  });

  it('throttles guessing after five failures, for known and unknown usernames alike', async () => {
    for (const username of ['tg', 'ghost']) {
      for (let i = 0; i < 5; i++) expect((await login(username, `guess number ${i}!`)).status).toBe(401);
      const blocked = await login(username, PASSWORD); // even the right password waits
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
      expect(await blocked.json()).toEqual({ error: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/) });
    }
  });

  it('does not let a disabled user in, and ends their sessions', async () => {
    await api.security.accounts.create('leaver', PASSWORD, { role: 'viewer' }, 'test', []);
    const session = cookieOf(await login('leaver', PASSWORD));
    const users = (await gql(admin, '{ users { username version } }')).body.data.users;
    const version = users.find((u: any) => u.username === 'leaver').version;
    const r = await gql(admin, 'mutation($v: Int!) { updateUser(username: "leaver", expectedVersion: $v, input: { role: VIEWER, disabled: true }) { disabled } }', { v: version });
    expect(r.body.data.updateUser.disabled).toBe(true);
    expect((await gql(session, '{ me { username } }')).status).toBe(401);
    expect((await login('leaver', PASSWORD)).status).toBe(401);
  });

  it('keeps injection strings harmless in every sign-in field', async () => {
    // (few: every failure counts against this test client's address)
    for (const evil of ["admin' OR 1=1 --", '"; DROP TABLE users; --', '{username:String}\u0000']) {
      const res = await login(evil, evil);
      expect([401, 429]).toContain(res.status);
    }
    expect(Number((await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM users'))[0]!.n)).toBeGreaterThan(0);
  });

  it('refuses bodies that are not a username and password in JSON', async () => {
    expect((await post('/auth/login', { username: ['admin'], password: 1 })).status).toBe(400);
    const form = await fetch(`${api.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=x' });
    expect(form.status).toBe(415);
    expect((await post('/auth/login', { username: 'a'.repeat(5000), password: 'x' })).status).toBe(413);
  });
});

describe('sign-in throttle under concurrent bursts (real HTTP)', () => {
  let burst: TestApi;
  beforeAll(async () => {
    // behind a trusted proxy, so that each request can say which address it comes from
    burst = await startTestApi(t, { http: true, env: { VIGIL_TRUSTED_PROXIES: '127.0.0.1' } });
    await burst.security.accounts.create('burst', PASSWORD, { role: 'viewer' }, 'test', []);
  });
  afterAll(() => burst.stop());
  const from = (ip: string, username: string, password: string) => fetch(`${burst.url}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }),
  });
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {});

  it('lets at most 5 of 60 simultaneous sign-ins for one user from one address reach the password check', async () => {
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => from('10.20.0.1', 'burst', i === 59 ? PASSWORD : `wrong guess ${i}!`).then((r) => r.status)));
    const n = tally(statuses);
    expect((n[401] ?? 0) + (n[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(n[429]).toBeGreaterThanOrEqual(55);
    // the owner, signing in from their own address, is not locked out by that burst
    expect((await from('10.20.0.2', 'burst', PASSWORD)).status).toBe(200);
  });

  it('checks at most 20 of 100 simultaneous sign-ins for different usernames from one address', async () => {
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => from('10.20.0.3', `sprayed${i}`, 'a common password!').then((r) => r.status)));
    const n = tally(statuses);
    expect(n[401]).toBeLessThanOrEqual(20);
    expect(n[429]).toBeGreaterThanOrEqual(80);
    expect(Object.keys(n).sort()).toEqual(['401', '429']);
  });

  it('answers 503 (not 500, not a wrong password) when the database cannot read the user or store the session', async () => {
    await burst.security.accounts.create('outage', PASSWORD, { role: 'viewer' }, 'test', []);
    for (const table of ['sessions', 'users']) {
      await t.db.command('test.rename', `RENAME TABLE ${table} TO ${table}_away`);
      try {
        // a fresh address and user each time: nothing cached
        const res = await from(`10.20.1.${table.length}`, table === 'users' ? 'nobody-cached' : 'outage', PASSWORD);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ error: 'Signing in is unavailable: the database did not answer. Try again in a moment.' });
      } finally {
        await t.db.command('test.rename', `RENAME TABLE ${table}_away TO ${table}`);
      }
    }
  });
});

describe('who may ask what', () => {
  it('answers 401 everywhere except sign-in, health and ingestion (which has its own tokens)', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    expect((await gql(null, '{ catalogue { dataTo } }')).status).toBe(401);
    expect((await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { 'apollo-require-preflight': '1' } })).status).toBe(401);
    expect((await fetch(`${api.url}/auth/me`)).status).toBe(401);
    expect((await fetch(`${api.url}/ingest/v1/qa-audits`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}' })).status).toBe(401);
  });

  it('refuses each role what is above it, with a clear FORBIDDEN', async () => {
    const as = async (u: string) => cookieOf(await login(u, PASSWORD));
    const [vi, an, ed] = [await as('vi'), await as('an'), await as('ed')];
    const SQL = '{ series(input: { metric: "decisions", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { sql { sql } } }';
    const NOTE = 'mutation { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: "x" }) { author } }';
    const USERS = '{ users { username } }';
    const TOKEN = 'mutation { createIngestToken(input: { name: "x" }) { secret } }';
    const CSV = 'mutation { recordExport(input: { kind: CSV, view: "/explore?metric=decisions", rows: 3 }) }';
    const expectations: [string, string, string | null][] = [
      [vi, SQL, 'FORBIDDEN'], [vi, CSV, 'FORBIDDEN'], [vi, NOTE, 'FORBIDDEN'], [vi, USERS, 'FORBIDDEN'],
      [an, SQL, null], [an, CSV, null], [an, NOTE, 'FORBIDDEN'], [an, TOKEN, 'FORBIDDEN'],
      [ed, NOTE, null], [ed, USERS, 'FORBIDDEN'], [ed, TOKEN, 'FORBIDDEN'],
      [admin, USERS, null], [admin, TOKEN, null],
    ];
    for (const [cookie, query, code] of expectations) expect(codeOf(await gql(cookie, query)), query).toBe(code ?? undefined);
    const refused = await gql(vi, NOTE);
    expect(refused.body.errors![0]!.message).toBe('Writing incident notes needs the editor role; you are a viewer (view dashboards and retrospectives).');
    // the author of a note is whoever is signed in
    expect((await gql(ed, NOTE)).body.data.createNote.author).toBe('ed');
  });

  it("creates the README's example users, scoped as it says", async () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const mutation = /```graphql\n(mutation \{\n  euAnalyst[\s\S]*?)```/.exec(readme)![1]!;
    expect((await gql(admin, mutation)).body.data).toEqual({ euAnalyst: { username: 'lia' }, kestrel: { username: 'kim@kestrel' } });
    const lia = cookieOf(await login('lia', 'a long first password'));
    const regions = (await gql(lia, '{ catalogue { dimensions { id values { code } } } }')).body.data.catalogue.dimensions.find((d: any) => d.id === 'REGION').values;
    expect(regions.map((v: any) => v.code)).toEqual(['EU']);
    const kim = cookieOf(await login('kim@kestrel', 'another long one!'));
    const metrics = (await gql(kim, '{ catalogue { metrics { id family } } }')).body.data.catalogue.metrics;
    expect(new Set(metrics.map((m: any) => m.family))).toEqual(new Set(['ANNOTATION_THROUGHPUT', 'ANNOTATION_QUALITY']));
    expect(codeOf(await gql(kim, '{ kpis(input: { metrics: ["decisions"], comparison: NONE, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { current { value } } }'))).toBe('FORBIDDEN');
  });

  it('applies a scope change to the very next request', async () => {
    const eu = cookieOf(await login('eu', PASSWORD));
    const regions = async () => (await gql(eu, '{ catalogue { dimensions { id values { code } } } }')).body.data.catalogue.dimensions.find((d: any) => d.id === 'REGION').values.map((v: any) => v.code);
    expect(await regions()).toEqual(['EU']);
    const version = (await gql(admin, '{ users { username version } }')).body.data.users.find((u: any) => u.username === 'eu').version;
    await gql(admin, 'mutation($v: Int!) { updateUser(username: "eu", expectedVersion: $v, input: { role: ANALYST, regions: ["NA"] }) { regions } }', { v: version });
    expect(await regions()).toEqual(['NA']);
    const outside = await gql(eu, '{ series(input: { metric: "decisions", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" }, filters: [{ dimension: REGION, values: ["EU"] }] }) { grain } }');
    expect(codeOf(outside)).toBe('FORBIDDEN');
  });

  it('refuses a stale user change with CONFLICT, and bad user input with BAD_USER_INPUT', async () => {
    const r1 = await gql(admin, 'mutation { createUser(input: { username: "Dup.User", password: "twelve chars!", role: VIEWER }) { username version } }');
    expect(r1.body.data.createUser).toEqual({ username: 'dup.user', version: 1 });
    await gql(admin, 'mutation { updateUser(username: "dup.user", expectedVersion: 1, input: { role: ANALYST }) { version } }');
    const stale = await gql(admin, 'mutation { updateUser(username: "dup.user", expectedVersion: 1, input: { role: EDITOR }) { version } }');
    expect(stale.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    for (const [input, argument] of [
      ['{ username: "dup.user", password: "twelve chars!", role: VIEWER }', 'input.username'],
      ['{ username: "x", password: "twelve chars!", role: VIEWER }', 'input.username'],
      ['{ username: "shorty", password: "short", role: VIEWER }', 'input.password'],
      ['{ username: "scoped", password: "twelve chars!", role: VIEWER, regions: ["ATLANTIS"] }', 'input.regions'],
    ]) {
      const r = await gql(admin, `mutation { createUser(input: ${input}) { username } }`);
      expect(r.body.errors![0]!.extensions, input).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    // versions no user or token can be at: bad input, nothing changed
    for (const mutation of [
      'updateUser(username: "dup.user", expectedVersion: -1, input: { role: EDITOR }) { version }',
      'setPassword(username: "dup.user", expectedVersion: -2147483648, password: "another long password") { version }',
      'revokeIngestToken(id: "no-such-token", expectedVersion: -1) { version }',
    ]) {
      const r = await gql(admin, `mutation { ${mutation} }`);
      expect(r.body.errors![0]!.extensions, mutation).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'expectedVersion' });
    }
    expect((await gql(admin, '{ users { username version } }')).body.data.users.find((u: any) => u.username === 'dup.user').version).toBe(2);
    const self = await gql(admin, 'mutation { updateUser(username: "admin", expectedVersion: 1, input: { role: VIEWER }) { role } }');
    expect(self.body.errors![0]!.message).toMatch(/cannot disable yourself or take away your own admin role/);
  });

  it('stores passwords only as scrypt hashes, and lets users change their own', async () => {
    const rows = await t.db.select<{ password_hash: string }>('test.hashes', 'SELECT password_hash FROM users');
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(await t.db.select('test.dump', 'SELECT * FROM users')) + JSON.stringify(await t.db.select('test.audit', 'SELECT * FROM audit_log'));
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain(TEST_ADMIN.password);
    await api.security.accounts.create('mover', PASSWORD, { role: 'viewer' }, 'test', []);
    const here = cookieOf(await login('mover', PASSWORD));
    const elsewhere = cookieOf(await login('mover', PASSWORD));
    const wrong = await gql(here, 'mutation { changeMyPassword(currentPassword: "wrong password!!", newPassword: "a brand new password") }');
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'currentPassword' });
    const ok = await gql(here, `mutation { changeMyPassword(currentPassword: "${PASSWORD}", newPassword: "a brand new password") }`);
    expect(ok.body.data.changeMyPassword).toBe(true);
    expect((await gql(here, '{ me { username } }')).status).toBe(200); // the session that changed it stays
    expect((await gql(elsewhere, '{ me { username } }')).status).toBe(401); // every other one ends
    expect((await login('mover', 'a brand new password')).status).toBe(200);
    // guessing the current password from a session is throttled like signing in (on a second
    // server process over the same data, so this file's other sign-ins keep their own counts)
    const other = await startTestApi(t, { http: true });
    const change = (current: string) =>
      fetch(`${other.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: here },
        body: JSON.stringify({ query: `mutation { changeMyPassword(currentPassword: "${current}", newPassword: "another new password") }` }),
      }).then((r) => r.json() as Promise<any>);
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}!`)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await change('a brand new password')).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    await other.stop();
  });
});

describe('ingestion tokens', () => {
  const push = (stream: string, secret: string) =>
    fetch(`${api.url}/ingest/v1/${stream}`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' }, body: '{}' });

  it('work for their streams only, until revoked, and record when they were last used', async () => {
    const created = (await gql(admin, 'mutation { createIngestToken(input: { name: "qa feed", streams: ["qa-audits"] }) { secret token { id version streams lastUsedAt } } }')).body.data.createIngestToken;
    expect(created.secret).toMatch(/^vgi_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({ version: 1, streams: ['qa-audits'], lastUsedAt: null });
    expect((await push('qa-audits', created.secret)).status).toBe(422); // authenticated; the row is invalid
    const other = await push('moderation-decisions', created.secret);
    expect(other.status).toBe(403);
    expect((await other.json()).error).toMatch(/may not push to moderation-decisions/);
    const listed = (await gql(admin, '{ ingestTokens { id lastUsedAt } }')).body.data.ingestTokens.find((x: any) => x.id === created.token.id);
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(120_000);
    const stored = JSON.stringify(await t.db.select('test.tokens', 'SELECT * FROM ingest_tokens'));
    expect(stored).not.toContain(created.secret);
    const revoked = await gql(admin, 'mutation($id: ID!) { revokeIngestToken(id: $id, expectedVersion: 1) { revoked version } }', { id: created.token.id });
    expect(revoked.body.data.revokeIngestToken).toEqual({ revoked: true, version: 2 });
    expect((await push('qa-audits', created.secret)).status).toBe(401);
  });
});

describe('audit log', () => {
  it('shows admins who signed in, exported and changed users and tokens, with addresses', async () => {
    const an = cookieOf(await login('an', PASSWORD));
    await gql(an, 'mutation { recordExport(input: { kind: CSV, view: "/explore?metric=decisions", rows: 12 }) }');
    const entries = (await gql(admin, '{ auditLog(input: { limit: 500 }) { at actor action target detail ip ok } }')).body.data.auditLog;
    const actions = entries.map((e: any) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['admin:login', 'an:export', 'admin:user_updated', 'admin:token_created', 'admin:token_revoked', 'ed:note_created', 'ed:login_failed']));
    const exported = entries.find((e: any) => e.action === 'export');
    expect(exported).toMatchObject({ target: '/explore?metric=decisions', detail: '{"kind":"CSV","rows":12}', ok: true });
    expect(exported.ip).toMatch(/127\.0\.0\.1/);
    expect(entries.map((e: any) => e.at)).toEqual([...entries.map((e: any) => e.at)].sort().reverse());
    const onlyExports = (await gql(admin, '{ auditLog(input: { action: "export" }) { action } }')).body.data.auditLog;
    expect(new Set(onlyExports.map((e: any) => e.action))).toEqual(new Set(['export']));
    expect(codeOf(await gql(an, '{ auditLog { action } }'))).toBe('FORBIDDEN');
  });

  it('pages through entries of the same millisecond without skipping or repeating any', async () => {
    const at = '2020-01-01 00:00:00.000';
    await t.db.insertRows('test.audit', 'audit_log', Array.from({ length: 5 }, (_, i) => ({ at, actor: 'pager', action: 'export', target: `/page-${i}`, detail: '{}', ip: '10.0.0.1', ok: 1 })));
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const r = await gql(admin, 'query($a: String) { auditLog(input: { actor: "pager", limit: 2, after: $a }) { target cursor } }', { a: after ?? null });
      const entries = r.body.data.auditLog as { target: string; cursor: string }[];
      seen.push(...entries.map((e) => e.target));
      if (entries.length < 2) break;
      after = entries[entries.length - 1]!.cursor;
    }
    expect(seen.sort()).toEqual(['/page-0', '/page-1', '/page-2', '/page-3', '/page-4']);
    const bad = await gql(admin, '{ auditLog(input: { after: "yesterday|1" }) { target } }');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.after' });
  });
});

describe('hardening', () => {
  it('keeps injection strings in every string argument harmless: stored verbatim or refused, nothing else changes', async () => {
    const evil = "x'); DROP TABLE users; -- {id:String} \\' \"";
    const rows = async () => (await t.db.select<{ n: string }>('test.count', 'SELECT (SELECT count() FROM moderation_decisions) + (SELECT count() FROM users) AS n'))[0]!.n;
    const before = await rows();
    const note = await gql(admin, 'mutation($s: String!) { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: $s, body: $s, tags: ["x"] }) { id title body } }', { s: evil });
    expect(note.body.data.createNote).toMatchObject({ title: evil, body: evil });
    const item = await gql(admin, 'mutation($s: String!) { createRetroItem(input: { week: "2026-03-02", section: GENERAL, kind: ACTION, text: $s, owner: $s }) { text owner } }', { s: evil });
    expect(item.body.data.createRetroItem).toEqual({ text: evil, owner: evil });
    const token = await gql(admin, 'mutation($s: String!) { createIngestToken(input: { name: $s }) { token { name } } }', { s: evil });
    expect(token.body.data.createIngestToken.token.name).toBe(evil);
    const refused: [string, Record<string, unknown>][] = [
      ['mutation($s: String!) { createUser(input: { username: $s, password: "twelve chars!", role: VIEWER }) { username } }', {}],
      ['mutation($s: String!) { recordExport(input: { kind: MARKDOWN, view: $s }) }', {}],
      ['mutation($s: ID!) { setTarget(metric: $s, expectedVersion: 0, change: NONE) { version } }', {}],
      ['query($s: String!) { retrospective(input: { week: $s }) { week } }', {}],
      ['query($s: String!) { series(input: { metric: "decisions", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" }, timeZone: $s }) { grain } }', {}],
      ['query($s: String!) { annotatorAgreement(input: { annotatorA: $s, annotatorB: "b", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { kappa } }', {}],
    ];
    for (const [query] of refused) {
      const r = await gql(admin, query, { s: evil });
      expect(['BAD_USER_INPUT', 'NOT_FOUND'], query).toContain(codeOf(r));
    }
    expect((await gql(admin, 'query($s: ID!) { noteHistory(id: $s) { id } }', { s: evil })).body.data.noteHistory).toEqual([]);
    const audit = await gql(admin, 'query($s: String!) { auditLog(input: { actor: $s, action: "x\' OR 1=1 --" }) { action } }', { s: evil });
    expect(audit.body.data.auditLog).toEqual([]);
    expect(await rows()).toBe(before);
  });

  it('refuses lone UTF-16 surrogates in every GraphQL variable (titles, texts, names, ids); audits sign-ins and exports carrying them', async () => {
    const lone = 'Broken \uD800 text';
    for (const [operation, variables, argument] of [
      ['mutation($s: String!) { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: $s, tags: [] }) { id } }', { s: lone }, '$s'],
      ['mutation($i: RetroItemInput!) { createRetroItem(input: $i) { id } }', { i: { week: '2026-03-02', section: 'GENERAL', kind: 'FINDING', text: lone } }, '$i.text'],
      ['mutation($s: String!) { createIngestToken(input: { name: $s }) { secret } }', { s: lone }, '$s'],
      ['query($id: ID!) { noteHistory(id: $id) { version } }', { id: '\uDC00' }, '$id'],
    ] as const) {
      const r = await gql(admin, operation, variables);
      expect(r.status, operation).toBe(400);
      expect(r.body.errors![0]!.extensions, operation).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(r.body.errors![0]!.message).toBe(`${argument} contains a broken character (half of a UTF-16 surrogate pair); send valid Unicode text.`);
    }
    // from addresses of their own, so as not to use up this client's sign-in allowance
    const proxied = await startTestApi(t, { http: true, env: { VIGIL_TRUSTED_PROXIES: '127.0.0.1' } });
    const signIn = (username: string, ip: string) => fetch(`${proxied.url}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password: 'some password' }),
    });
    expect((await signIn('\uDC00intruder', '10.30.0.1')).status).toBe(401);
    // 63 letters and an emoji: cut to 64 UTF-16 units for the log, which splits the emoji's pair
    expect((await signIn(`${'a'.repeat(63)}😀`, '10.30.0.2')).status).toBe(401);
    await proxied.stop();
    const entries = await api.security.audit.list({ limit: 500 });
    expect(entries.filter((e) => e.ip === '10.30.0.1' || e.ip === '10.30.0.2').map((e) => e.actor).sort()).toEqual([`${'a'.repeat(63)}\uFFFD`, '\uFFFDintruder']);
    // whatever an entry holds, it is written
    await api.security.audit.record({ actor: 'an', action: 'export', target: '/explore?title=\uD800', detail: '{"kind":"CSV","note":"\uDC00"}', ip: '10.30.0.3' });
    const exported = (await api.security.audit.list({ limit: 500 })).find((e) => e.ip === '10.30.0.3');
    expect(exported).toMatchObject({ target: '/explore?title=\uFFFD', detail: '{"kind":"CSV","note":"\uFFFD"}' });
  });

  it('refuses cross-site GraphQL requests (Apollo CSRF prevention) even with a session', async () => {
    const simple = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: admin }, body: JSON.stringify({ query: '{ me { username } }' }) });
    expect(simple.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { cookie: admin } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
  });

  it('sends security headers: a CSP without inline scripts, no framing, no sniffing', async () => {
    for (const path of ['/healthz', '/graphql', '/']) {
      const res = await fetch(`${api.url}${path}`);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('refuses oversized GraphQL bodies and rate-limits expensive questions per user', async () => {
    const huge = await post('/graphql', { query: `{ me { username } } # ${'x'.repeat(300_000)}` }, { cookie: admin });
    expect(huge.status).toBe(413);
    const tight = await startTestApi(t, { http: true, env: { VIGIL_USER_RATE: '0.1', VIGIL_USER_BURST: '3' } });
    const cookie = await tight.signIn('vi', PASSWORD);
    const ask = () => fetch(`${tight.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ a: kpis(input: { metrics: ["decisions"], comparison: PREVIOUS_PERIOD, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { current { value } } b: kpis(input: { metrics: ["decisions"], comparison: PREVIOUS_PERIOD, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { current { value } } }' }),
    });
    expect((await ask()).status).toBe(200);
    const limited = await ask(); // 2 + 2 > 3
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // cheap questions are not counted
    expect((await fetch(`${tight.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { username } }' }) })).status).toBe(200);
    await tight.stop();
  });
});

describe('per-user rate limit on expensive fields', () => {
  const KPI = (alias: string) => `${alias}: kpis(input: { metrics: ["decisions"], comparison: PREVIOUS_PERIOD, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { current { value } }`;
  const nested = (levels: number, inner: string) => '... on Query { '.repeat(levels) + inner + ' }'.repeat(levels);

  it('counts expensive fields however deeply they are nested in fragments, once per answered field', () => {
    const count = (query: string) => {
      const document = parse(query);
      return expensiveFields((document.definitions[0] as OperationDefinitionNode).selectionSet, document);
    };
    expect(count(`{ ${nested(7, `${KPI('a')} ${KPI('b')} ${KPI('c')} ${KPI('d')}`)} }`)).toBe(4);
    // the same field through two paths is resolved once: counted once
    expect(count(`{ ...F ${nested(9, '...F')} } fragment F on Query { ${nested(6, KPI('a'))} series(input: { metric: "decisions", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { metric } }`)).toBe(2);
    expect(() => count(`{ ${nested(MAX_FRAGMENT_NESTING + 1, KPI('a'))} }`)).toThrow(`Fragments are nested more than ${MAX_FRAGMENT_NESTING} deep; flatten the query.`);
  });

  it('limits fields nested in seven inline fragments like any other, and refuses deeper nesting', async () => {
    const tight = await startTestApi(t, { http: true, env: { VIGIL_USER_RATE: '0.1', VIGIL_USER_BURST: '3' } });
    const cookie = await tight.signIn('vi', PASSWORD);
    const ask = (query: string) => fetch(`${tight.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
    const two = `{ ${nested(7, `${KPI('a')} ${KPI('b')}`)} }`;
    expect((await ask(two)).status).toBe(200);
    const again = await ask(two); // 2 + 2 > 3
    expect(again.status).toBe(429);
    expect(((await again.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // deeper nesting is refused before it is counted (the document depth limit counts fragments too)
    const deep = await ask(`{ ${nested(MAX_FRAGMENT_NESTING + 1, KPI('a'))} }`);
    expect(deep.status).toBe(400);
    await tight.stop();
  });
});

describe('trusted sign-in proxy', () => {
  const GROUPS = JSON.stringify({ 'tns-admins': { role: 'admin' }, 'eu-analysts': { role: 'analyst', regions: ['EU'] } });

  it('believes the user and group headers only from the configured proxy address', async () => {
    const trusted = await startTestApi(t, { http: true, env: { VIGIL_TRUSTED_PROXIES: '127.0.0.1', VIGIL_PROXY_USER_HEADER: 'x-forwarded-user', VIGIL_PROXY_GROUPS: GROUPS } });
    const me = (url: string, headers: Record<string, string>) => fetch(`${url}/auth/me`, { headers });
    const analyst = await me(trusted.url, { 'x-forwarded-user': 'Lia', 'x-forwarded-groups': 'staff, eu-analysts' });
    expect(await analyst.json()).toEqual({ user: { username: 'lia', role: 'analyst', scope: { regions: ['EU'], countries: [], vendors: [] } }, proxy: true });
    // the first configured group decides: an admin group listed first wins over the analyst one
    const both = await me(trusted.url, { 'x-forwarded-user': 'bo', 'x-forwarded-groups': 'eu-analysts,tns-admins' });
    expect(((await both.json()) as any).user.role).toBe('admin');
    const stranger = await me(trusted.url, { 'x-forwarded-user': 'mallory', 'x-forwarded-groups': 'contractors' });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as any).error).toMatch(/none of your groups has access/);
    await trusted.stop();
    // another proxy address is configured: the same headers from here are ignored
    const elsewhere = await startTestApi(t, { http: true, env: { VIGIL_TRUSTED_PROXIES: '10.1.2.3', VIGIL_PROXY_USER_HEADER: 'x-forwarded-user', VIGIL_PROXY_GROUPS: GROUPS } });
    expect((await me(elsewhere.url, { 'x-forwarded-user': 'bo', 'x-forwarded-groups': 'tns-admins' })).status).toBe(401);
    await elsewhere.stop();
  });
});

describe('first start', () => {
  // last in the file: it empties the users table (one engine per process, so no second database)
  it('creates the first admin with a generated password once, or with the configured one', async () => {
    await t.db.command('test.truncate', 'TRUNCATE TABLE users');
    {
      const security = createSecurity(t.db, t.log, loadConfig({}).auth);
      const created = await ensureFirstAdmin(security);
      expect(created).toEqual({ username: 'admin', generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/) });
      expect(await ensureFirstAdmin(security)).toBeNull();
      const user = (await security.accounts.get('admin'))!;
      expect(user.role).toBe('admin');
      const { verifyPassword } = await import('./passwords.js');
      expect(await verifyPassword(created!.generatedPassword!, user.passwordHash)).toBe(true);
    }
    expect(() => loadConfig({ VIGIL_ADMIN_PASSWORD: 'short' })).toThrow('VIGIL_ADMIN_PASSWORD must be at least 12 characters.');
  });
});

// The access-related settings: each bad value is refused at start with a message naming it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration of access', () => {
  it('has safe defaults: no fixed admin password, Secure cookies behind HTTPS, no proxy sign-in', () => {
    const { auth } = loadConfig({});
    expect(auth).toMatchObject({ adminUser: 'admin', adminPassword: null, sessionSeconds: 12 * 3600, secureCookies: 'auto', trustedProxies: [], proxySignIn: null });
  });

  it('reads proxy groups in their configured order', () => {
    const { auth } = loadConfig({
      VIGIL_TRUSTED_PROXIES: '10.0.0.5, ::1',
      VIGIL_PROXY_USER_HEADER: 'X-Auth-Request-User',
      VIGIL_PROXY_GROUPS: '{"tns-admins":{"role":"admin"},"eu":{"role":"analyst","regions":["EU"],"vendors":["kestrel"]}}',
    });
    expect(auth.trustedProxies).toEqual(['10.0.0.5', '::1']);
    expect(auth.proxySignIn).toEqual({
      userHeader: 'x-auth-request-user',
      groupsHeader: 'x-forwarded-groups',
      groups: { 'tns-admins': { role: 'admin' }, eu: { role: 'analyst', regions: ['EU'], vendors: ['kestrel'] } },
    });
    expect(Object.keys(auth.proxySignIn!.groups)).toEqual(['tns-admins', 'eu']);
  });

  it.each([
    [{ VIGIL_ADMIN_USER: 'Root Admin' }, 'VIGIL_ADMIN_USER=Root Admin is not a username'],
    [{ VIGIL_ADMIN_PASSWORD: 'aaaaaaaaaaaaaaaa' }, 'VIGIL_ADMIN_PASSWORD must not be one character repeated.'],
    [{ VIGIL_SECURE_COOKIES: 'sometimes' }, 'VIGIL_SECURE_COOKIES=sometimes must be auto, always or never.'],
    [{ VIGIL_TRUSTED_PROXIES: 'proxy.internal' }, 'VIGIL_TRUSTED_PROXIES: proxy.internal is not an IP address.'],
    [{ VIGIL_PROXY_USER_HEADER: 'x-user' }, 'VIGIL_PROXY_USER_HEADER needs VIGIL_TRUSTED_PROXIES'],
    [{ VIGIL_TRUSTED_PROXIES: '10.0.0.5', VIGIL_PROXY_USER_HEADER: 'x-user', VIGIL_PROXY_GROUPS: '{admins: admin}' }, 'VIGIL_PROXY_GROUPS is not valid JSON'],
    [{ VIGIL_TRUSTED_PROXIES: '10.0.0.5', VIGIL_PROXY_USER_HEADER: 'x-user', VIGIL_PROXY_GROUPS: '{"a":{"role":"root"}}' }, 'VIGIL_PROXY_GROUPS: group "a" needs a role, one of viewer, analyst, editor, admin, compliance.'],
    [{ VIGIL_TRUSTED_PROXIES: '10.0.0.5', VIGIL_PROXY_USER_HEADER: 'x-user', VIGIL_PROXY_GROUPS: '{"a":{"role":"viewer","regions":["MARS"]}}' }, 'VIGIL_PROXY_GROUPS: group "a" regions must be a list of NA, LATAM'],
    [{ VIGIL_SESSION_HOURS: '0' }, 'VIGIL_SESSION_HOURS=0 is not valid: expected a whole number from 1 to 720.'],
    [{ CLICKHOUSE_INGEST_USER: 'vigil_ingest' }, 'CLICKHOUSE_INGEST_USER needs CLICKHOUSE_URL'],
    [{ VIGIL_MIGRATE: 'maybe' }, 'VIGIL_MIGRATE=maybe is not valid'],
    [{ CLICKHOUSE_URL: 'http://ch:8123', VIGIL_CLUSTER: "vigil' ON CLUSTER x" }, `VIGIL_CLUSTER=vigil' ON CLUSTER x is not a cluster name: a letter, then up to 63 letters, digits, _ or -.`],
    [{ CLICKHOUSE_URL: 'http://ch:8123', VIGIL_CLUSTER: '1st' }, 'VIGIL_CLUSTER=1st is not a cluster name'],
    [{ VIGIL_CLUSTER: 'vigil' }, 'VIGIL_CLUSTER needs CLICKHOUSE_URL: the embedded engine is a single node.'],
    [{ VIGIL_SHARED_STATE: 'redis' }, 'VIGIL_SHARED_STATE=redis must be memory (one Vigil server) or clickhouse (several behind a load balancer).'],
    [{ VIGIL_SHARED_STATE: 'clickhouse' }, 'VIGIL_SHARED_STATE=clickhouse: set VIGIL_ALERTS=1 on exactly one Vigil server and VIGIL_ALERTS=0 on the others'],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the cluster name; unset means one node', () => {
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', VIGIL_CLUSTER: 'tns-prod_2' }).cluster).toBe('tns-prod_2');
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123' }).cluster).toBeNull();
    expect(loadConfig({}).cluster).toBeNull();
  });

  it('keeps shared state in this process unless told to keep it in ClickHouse', () => {
    expect(loadConfig({}).sharedState).toBe('memory');
    expect(loadConfig({ VIGIL_SHARED_STATE: 'ClickHouse', VIGIL_ALERTS: '0' }).sharedState).toBe('clickhouse');
  });

  it('reads how many statements may be in flight; unset means the engine default', () => {
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', VIGIL_QUERIES_IN_FLIGHT: '16' }).queriesInFlight).toBe(16);
    expect(loadConfig({}).queriesInFlight).toBeNull();
    expect(() => loadConfig({ VIGIL_QUERIES_IN_FLIGHT: '0' })).toThrow('VIGIL_QUERIES_IN_FLIGHT=0 is not valid: expected a whole number from 1 to 256.');
  });

  it('gives ingestion its own ClickHouse user when configured', () => {
    const c = loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_USER: 'vigil_app', CLICKHOUSE_INGEST_USER: 'vigil_ingest', CLICKHOUSE_INGEST_PASSWORD: 's3cret' });
    expect(c.clickhouseIngest).toEqual({ url: 'http://ch:8123', user: 'vigil_ingest', password: 's3cret', database: 'vigil' });
    expect(c.clickhouse!.user).toBe('vigil_app');
  });
});

describe('a bad setting at start', () => {
  it('stops `npm start` with one line naming the variable, not a stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', VIGIL_DATA_DIR: '/nonexistent/vigil-config-test', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vigil: PORT=eighty is not valid: expected a whole number from 0 to 65535.\n');
  });
});

describe('NODE_ENV', () => {
  it('decides introspection once, from the environment at start', () => {
    expect(loadConfig({ NODE_ENV: 'production', VIGIL_ADMIN_PASSWORD: 'a long password here' }).auth.introspection).toBe(false);
    expect(loadConfig({ VIGIL_ADMIN_PASSWORD: 'a long password here' }).auth.introspection).toBe(true);
  });

  it('is left as it was by building the SPA at start (Vite sets it to production while it builds)', async () => {
    const { buildClient } = await import('./http/buildClient.js');
    const saved = process.env.NODE_ENV;
    try {
      delete process.env.NODE_ENV;
      await buildClient(async () => {
        process.env.NODE_ENV = 'production';
      });
      expect('NODE_ENV' in process.env).toBe(false);
      process.env.NODE_ENV = 'development';
      await expect(buildClient(async () => {
        process.env.NODE_ENV = 'production';
        throw new Error('build failed');
      })).rejects.toThrow('build failed');
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      if (saved === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = saved;
    }
  });
});

describe('VIGIL_PUBLIC_URL', () => {
  it('is unset by default (relative links), and kept without its trailing slash, path prefix included', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ VIGIL_PUBLIC_URL: 'https://vigil.example.com/' }).publicUrl).toBe('https://vigil.example.com');
    expect(loadConfig({ VIGIL_PUBLIC_URL: 'https://tools.example.com/vigil/' }).publicUrl).toBe('https://tools.example.com/vigil');
  });

  it.each([
    ['vigil.example.com', 'VIGIL_PUBLIC_URL=vigil.example.com is not a URL'],
    ['ftp://vigil.example.com', 'VIGIL_PUBLIC_URL=ftp://vigil.example.com must start with http:// or https://.'],
    ['https://vigil.example.com/?x=1', 'must not have a query or fragment.'],
    ['https://ana:secret@vigil.example.com', 'must not hold credentials.'],
  ])('refuses %s', (value, message) => {
    expect(() => loadConfig({ VIGIL_PUBLIC_URL: value })).toThrow(message);
  });
});

describe('alert settings', () => {
  it('has no channels by default, evaluates every 60 s and sends digests at 07:00 UTC', () => {
    expect(loadConfig({}).alerts).toEqual({ enabled: true, intervalSeconds: 60, channels: [], smtp: null, digestChannels: [], digestHour: 7 });
  });

  it('reads webhook, Slack and email channels and the SMTP server', () => {
    const a = loadConfig({
      VIGIL_ALERT_CHANNELS: '[{"id":"ops","kind":"webhook","url":"https://hooks.example.com/v","secret":"0123456789abcdef"},{"id":"team","kind":"slack","url":"https://hooks.slack.com/services/T/B/X"},{"id":"leads","kind":"email","to":["a@example.com"]}]',
      VIGIL_SMTP_URL: 'smtp://mail.example.com:587', VIGIL_DIGEST_CHANNELS: 'team,leads', VIGIL_DIGEST_HOUR: '6',
    }).alerts;
    expect(a.channels.map((c) => `${c.id}:${c.kind}`)).toEqual(['ops:webhook', 'team:slack', 'leads:email']);
    expect(a.smtp).toEqual({ url: 'smtp://mail.example.com:587', from: 'vigil@localhost' });
    expect(a.digestChannels).toEqual(['team', 'leads']);
    expect(a.digestHour).toBe(6);
  });

  it.each([
    [{ VIGIL_ALERT_CHANNELS: 'nope' }, 'VIGIL_ALERT_CHANNELS is not JSON'],
    [{ VIGIL_ALERT_CHANNELS: '[{"id":"ops","kind":"webhook","url":"https://h.example.com","secret":"short"}]' }, 'a webhook needs a secret of 16 characters or more'],
    [{ VIGIL_ALERT_CHANNELS: '[{"id":"ops","kind":"slack","url":"ftp://h"}]' }, 'url must be an http(s) address'],
    [{ VIGIL_ALERT_CHANNELS: '[{"id":"leads","kind":"email","to":["a@example.com"]}]' }, 'set VIGIL_SMTP_URL'],
    [{ VIGIL_ALERT_CHANNELS: '[{"id":"a","kind":"pager"}]' }, 'kind must be webhook, slack or email'],
    [{ VIGIL_DIGEST_CHANNELS: 'team' }, 'VIGIL_DIGEST_CHANNELS: team is not a channel'],
    [{ VIGIL_SMTP_URL: 'mail.example.com' }, 'VIGIL_SMTP_URL must start with smtp:// or smtps://'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

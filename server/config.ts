// Every setting Vigil reads from the environment, parsed once, with a clear message per bad value.
// The README's configuration table lists the same variables.
import path from 'node:path';
import { isIP } from 'node:net';
import { ROLES, USERNAME, type Role } from './access/access.js';
import { passwordProblem } from './domain/passwordRules.js';
import { COUNTRY_NAMES, REGIONS } from './domain/taxonomy.js';

export class ConfigError extends Error {}

export interface ClickHouseServerConfig {
  url: string;
  user: string;
  password: string;
  database: string;
}

export interface Config {
  host: string;
  port: number;
  /** Embedded engine's data folder; ignored when `clickhouse` (a server) is set. */
  dataDir: string;
  clickhouse: ClickHouseServerConfig | null;
  /** Name of the ClickHouse cluster the server belongs to (remote_servers); null: one node. */
  cluster: string | null;
  /** Other credentials for ingestion writes on a server (an insert-only user); null: the main ones. */
  clickhouseIngest: ClickHouseServerConfig | null;
  /** Apply migrations at start (needs DDL rights); off: refuse to start while any is pending. */
  migrateOnStart: boolean;
  logLevel: string;
  queryTimeoutSeconds: number;
  maxResultRows: number;
  /**
   * Where the state several Vigil servers must share lives (sign-in throttle, rate limits, ingestion
   * lanes, the answer cache's watermark): this process ('memory') or ClickHouse ('clickhouse').
   */
  sharedState: 'memory' | 'clickhouse';
  /** answers of dashboard statements kept in memory (0 MB: off), and how long one may miss a batch (coalesced expiry; with a server, also other servers' batches) */
  cache: { maxMb: number; staleMs: number };
  /** statements a connection sends the engine at once; null: 1 embedded, 8 with a server */
  queriesInFlight: number | null;
  demo: { seedWhenEmpty: boolean; days: number; scale: number; seed: number };
  /** Build the SPA at start when dist/client is missing. */
  buildClientIfMissing: boolean;
  ingest: IngestConfig;
  auth: AuthConfig;
  /** Where users open Vigil ("https://vigil.example.com"), without a trailing slash: exports link there; null: relative links. */
  publicUrl: string | null;
  alerts: AlertsConfig;
}

/** A notification channel (VIGIL_ALERT_CHANNELS). */
export interface AlertChannelConfig {
  id: string;
  kind: 'webhook' | 'slack' | 'email';
  /** webhook and slack: where to POST */
  url?: string;
  /** webhook: the HMAC-SHA256 key of X-Vigil-Signature */
  secret?: string;
  /** email: recipients */
  to?: string[];
}

export interface SmtpConfig {
  /** smtp(s)://user:password@host:port */
  url: string;
  from: string;
}

export interface AlertsConfig {
  /** evaluate rules and send notifications in this process */
  enabled: boolean;
  /** seconds between checks for new data (ingestion also wakes the evaluator) */
  intervalSeconds: number;
  channels: AlertChannelConfig[];
  smtp: SmtpConfig | null;
  /** channels the weekly retrospective and the morning summary go to */
  digestChannels: string[];
  /** UTC hour of the morning summary (and, on Mondays, of the weekly retrospective) */
  digestHour: number;
}

/** What a group of the sign-in proxy grants: a role and optionally a data scope. */
export interface GroupGrant {
  role: Role;
  regions?: string[];
  countries?: string[];
  vendors?: string[];
}

export interface AuthConfig {
  /** The first admin, created when there is no user yet; no password: one is generated and printed once. */
  adminUser: string;
  adminPassword: string | null;
  sessionSeconds: number;
  /** Secure cookies: always, never, or when the request came over HTTPS ('auto'). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed. */
  trustedProxies: string[];
  /** Sign-in by a trusted proxy's headers (only from trustedProxies), or null when off. */
  proxySignIn: { userHeader: string; groupsHeader: string; groups: Record<string, GroupGrant> } | null;
  /** Expensive GraphQL fields per second per user, and the burst above it. */
  userRate: number;
  userBurst: number;
  /** GraphQL introspection: off with NODE_ENV=production, read once at start (before anything can change it). */
  introspection: boolean;
}

export interface IngestConfig {
  maxBytes: number;
  maxRows: number;
  /** requests per second per token, and the burst allowed above it */
  ratePerSecond: number;
  burst: number;
}

type Env = Record<string, string | undefined>;

const CLUSTER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not valid: expected a whole number from ${min} to ${max}.`);
  }
  return n;
}

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not valid: expected a number from ${min} to ${max}.`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${raw} is not valid: expected 1/0, true/false, yes/no or on/off.`);
}

function grants(raw: string | undefined): Record<string, GroupGrant> {
  if (!raw?.trim()) return {};
  const where = 'VIGIL_PROXY_GROUPS';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${where} is not valid JSON; expected e.g. {"tns-admins":{"role":"admin"},"eu-analysts":{"role":"analyst","regions":["EU"]}}.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${where} must be a JSON object of group → grant.`);
  const out: Record<string, GroupGrant> = {};
  const regions = REGIONS.map((r) => r.code) as string[];
  for (const [group, grant] of Object.entries(parsed as Record<string, Record<string, unknown>>)) {
    const role = grant?.role;
    if (!ROLES.includes(role as Role)) throw new ConfigError(`${where}: group "${group}" needs a role, one of ${ROLES.join(', ')}.`);
    const list = (key: 'regions' | 'countries' | 'vendors', allowed: readonly string[] | null) => {
      const v = grant[key];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || (allowed && !allowed.includes(x)))) {
        throw new ConfigError(`${where}: group "${group}" ${key} must be a list of ${allowed ? allowed.join(', ') : 'names'}.`);
      }
      return v as string[];
    };
    out[group] = { role: role as Role, regions: list('regions', regions), countries: list('countries', Object.keys(COUNTRY_NAMES)), vendors: list('vendors', null) };
  }
  return out;
}

function authConfig(env: Env): AuthConfig {
  const adminUser = env.VIGIL_ADMIN_USER || 'admin';
  if (!USERNAME.test(adminUser)) throw new ConfigError(`VIGIL_ADMIN_USER=${adminUser} is not a username (lowercase letters, digits and . _ @ -).`);
  const adminPassword = env.VIGIL_ADMIN_PASSWORD || null;
  const problem = adminPassword ? passwordProblem(adminPassword) : null;
  if (problem) throw new ConfigError(`VIGIL_ADMIN_PASSWORD ${problem}.`);
  const secure = (env.VIGIL_SECURE_COOKIES || 'auto').toLowerCase();
  if (!['auto', 'always', 'never'].includes(secure)) throw new ConfigError(`VIGIL_SECURE_COOKIES=${secure} must be auto, always or never.`);
  const trustedProxies = (env.VIGIL_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  for (const a of trustedProxies) if (!isIP(a)) throw new ConfigError(`VIGIL_TRUSTED_PROXIES: ${a} is not an IP address.`);
  const userHeader = env.VIGIL_PROXY_USER_HEADER?.trim().toLowerCase();
  if (userHeader && trustedProxies.length === 0) throw new ConfigError('VIGIL_PROXY_USER_HEADER needs VIGIL_TRUSTED_PROXIES: headers are believed only from those addresses.');
  return {
    adminUser,
    adminPassword,
    sessionSeconds: int(env, 'VIGIL_SESSION_HOURS', 12, 1, 24 * 30) * 3600,
    secureCookies: secure as AuthConfig['secureCookies'],
    trustedProxies,
    proxySignIn: userHeader
      ? { userHeader, groupsHeader: (env.VIGIL_PROXY_GROUPS_HEADER || 'x-forwarded-groups').toLowerCase(), groups: grants(env.VIGIL_PROXY_GROUPS) }
      : null,
    userRate: num(env, 'VIGIL_USER_RATE', 20, 0.1, 10_000),
    userBurst: int(env, 'VIGIL_USER_BURST', 300, 1, 100_000),
    introspection: env.NODE_ENV !== 'production',
  };
}

/** VIGIL_PUBLIC_URL: an http(s) address with no query or fragment, the base of links in exports. */
function publicUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`VIGIL_PUBLIC_URL=${value} is not a URL; expected e.g. https://vigil.example.com.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`VIGIL_PUBLIC_URL=${value} must start with http:// or https://.`);
  if (parsed.search || parsed.hash || value.includes('?') || value.includes('#')) throw new ConfigError(`VIGIL_PUBLIC_URL=${value} must not have a query or fragment.`);
  if (parsed.username || parsed.password) throw new ConfigError(`VIGIL_PUBLIC_URL=${value} must not hold credentials.`);
  // links are written as base + "/moderation?…": a path prefix is kept, its trailing slash dropped
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

const CHANNEL_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** VIGIL_ALERT_CHANNELS: a JSON list of channels; each names its kind and where it sends. */
function alertChannels(raw: string | undefined): AlertChannelConfig[] {
  if (!raw?.trim()) return [];
  const where = 'VIGIL_ALERT_CHANNELS';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${where} is not JSON; expected e.g. [{"id":"ops","kind":"slack","url":"https://hooks.slack.com/…"}].`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`${where} must be a JSON list of channels.`);
  const seen = new Set<string>();
  return parsed.map((c: Record<string, unknown>, i) => {
    const id = c?.id;
    if (typeof id !== 'string' || !CHANNEL_ID.test(id)) throw new ConfigError(`${where}[${i}].id must be 1–40 lowercase letters, digits, _ or -.`);
    if (seen.has(id)) throw new ConfigError(`${where}[${i}].id ${id} is used twice.`);
    seen.add(id);
    if (c.kind === 'webhook' || c.kind === 'slack') {
      let url: URL;
      try {
        url = new URL(String(c.url));
      } catch {
        throw new ConfigError(`${where}[${i}] (${id}): url must be an http(s) address.`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${where}[${i}] (${id}): url must be an http(s) address.`);
      if (c.kind === 'webhook' && (typeof c.secret !== 'string' || c.secret.length < 16)) throw new ConfigError(`${where}[${i}] (${id}): a webhook needs a secret of 16 characters or more (it signs every body).`);
      return c.kind === 'webhook' ? { id, kind: c.kind, url: url.toString(), secret: c.secret as string } : { id, kind: c.kind, url: url.toString() };
    }
    if (c.kind === 'email') {
      const to = c.to;
      if (!Array.isArray(to) || to.length === 0 || to.some((a) => typeof a !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(a))) {
        throw new ConfigError(`${where}[${i}] (${id}): an email channel needs "to", a list of addresses.`);
      }
      return { id, kind: 'email' as const, to: to as string[] };
    }
    throw new ConfigError(`${where}[${i}] (${id}): kind must be webhook, slack or email.`);
  });
}

function alertsConfig(env: Env): AlertsConfig {
  // Two engines would each evaluate and send: with several servers (shared state) exactly one must
  // run it, so the choice is made explicitly on each server rather than defaulting to "all of them".
  if (sharedState(env.VIGIL_SHARED_STATE) === 'clickhouse' && !env.VIGIL_ALERTS?.trim()) {
    throw new ConfigError('VIGIL_SHARED_STATE=clickhouse: set VIGIL_ALERTS=1 on exactly one Vigil server and VIGIL_ALERTS=0 on the others (one alert engine evaluates and sends).');
  }
  const channels = alertChannels(env.VIGIL_ALERT_CHANNELS);
  const smtpUrl = env.VIGIL_SMTP_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('VIGIL_SMTP_URL must start with smtp:// or smtps://.');
  if (!smtpUrl && channels.some((c) => c.kind === 'email')) throw new ConfigError('VIGIL_ALERT_CHANNELS has an email channel: set VIGIL_SMTP_URL.');
  const digestChannels = (env.VIGIL_DIGEST_CHANNELS ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of digestChannels) if (!channels.some((x) => x.id === c)) throw new ConfigError(`VIGIL_DIGEST_CHANNELS: ${c} is not a channel of VIGIL_ALERT_CHANNELS.`);
  return {
    enabled: bool(env, 'VIGIL_ALERTS', true),
    intervalSeconds: int(env, 'VIGIL_ALERT_INTERVAL_S', 60, 5, 86_400),
    channels,
    smtp: smtpUrl ? { url: smtpUrl, from: env.VIGIL_SMTP_FROM?.trim() || 'vigil@localhost' } : null,
    digestChannels,
    digestHour: int(env, 'VIGIL_DIGEST_HOUR', 7, 0, 23),
  };
}

function sharedState(raw: string | undefined): Config['sharedState'] {
  const value = (raw?.trim() || 'memory').toLowerCase();
  if (value !== 'memory' && value !== 'clickhouse') throw new ConfigError(`VIGIL_SHARED_STATE=${raw} must be memory (one Vigil server) or clickhouse (several behind a load balancer).`);
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const url = env.CLICKHOUSE_URL?.trim();
  let clickhouse: ClickHouseServerConfig | null = null;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`CLICKHOUSE_URL=${url} is not a URL; expected e.g. http://localhost:8123.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConfigError(`CLICKHOUSE_URL=${url} must start with http:// or https://.`);
    }
    const database = env.CLICKHOUSE_DATABASE || 'vigil';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) {
      throw new ConfigError(`CLICKHOUSE_DATABASE=${database} is not a plain identifier (letters, digits, _).`);
    }
    clickhouse = { url, user: env.CLICKHOUSE_USER || 'default', password: env.CLICKHOUSE_PASSWORD ?? '', database };
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL=${logLevel} is not one of fatal, error, warn, info, debug, trace, silent.`);
  }
  const ingestUser = env.CLICKHOUSE_INGEST_USER?.trim();
  if (ingestUser && !clickhouse) throw new ConfigError('CLICKHOUSE_INGEST_USER needs CLICKHOUSE_URL: the embedded engine has no users.');
  const cluster = env.VIGIL_CLUSTER?.trim() || null;
  // the name is written into ON CLUSTER '…' and Distributed('…', …): a safe character set only
  if (cluster && !CLUSTER_NAME.test(cluster)) {
    throw new ConfigError(`VIGIL_CLUSTER=${cluster} is not a cluster name: a letter, then up to 63 letters, digits, _ or -.`);
  }
  if (cluster && !clickhouse) throw new ConfigError('VIGIL_CLUSTER needs CLICKHOUSE_URL: the embedded engine is a single node.');
  return {
    publicUrl: publicUrl(env.VIGIL_PUBLIC_URL),
    alerts: alertsConfig(env),
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    dataDir: path.resolve(env.VIGIL_DATA_DIR || 'data'),
    clickhouse,
    cluster,
    clickhouseIngest: ingestUser && clickhouse ? { ...clickhouse, user: ingestUser, password: env.CLICKHOUSE_INGEST_PASSWORD ?? '' } : null,
    migrateOnStart: bool(env, 'VIGIL_MIGRATE', true),
    logLevel,
    queryTimeoutSeconds: int(env, 'VIGIL_QUERY_TIMEOUT_S', 30, 1, 3600),
    maxResultRows: int(env, 'VIGIL_MAX_RESULT_ROWS', 100_000, 100, 100_000_000),
    sharedState: sharedState(env.VIGIL_SHARED_STATE),
    cache: { maxMb: int(env, 'VIGIL_CACHE_MB', 64, 0, 65_536), staleMs: int(env, 'VIGIL_CACHE_STALE_MS', 5000, 0, 3_600_000) },
    queriesInFlight: env.VIGIL_QUERIES_IN_FLIGHT ? int(env, 'VIGIL_QUERIES_IN_FLIGHT', 1, 1, 256) : null,
    demo: {
      seedWhenEmpty: bool(env, 'VIGIL_DEMO', true),
      days: int(env, 'VIGIL_DEMO_DAYS', 90, 14, 730),
      scale: num(env, 'VIGIL_DEMO_SCALE', 1, 0.01, 50),
      seed: int(env, 'VIGIL_DEMO_SEED', 42, 0, 2 ** 31 - 1),
    },
    buildClientIfMissing: bool(env, 'VIGIL_BUILD_CLIENT', true),
    auth: authConfig(env),
    ingest: {
      maxBytes: int(env, 'VIGIL_INGEST_MAX_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxRows: int(env, 'VIGIL_INGEST_MAX_ROWS', 10_000, 1, 1_000_000),
      ratePerSecond: num(env, 'VIGIL_INGEST_RATE', 20, 0.01, 100_000),
      burst: int(env, 'VIGIL_INGEST_BURST', 40, 1, 1_000_000),
    },
  };
}

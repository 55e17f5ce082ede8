// Every setting Vigil reads from the environment, parsed once, with a clear message per bad value.
// The README's configuration table lists the same variables.
import path from 'node:path';

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
  logLevel: string;
  queryTimeoutSeconds: number;
  maxResultRows: number;
  demo: { seedWhenEmpty: boolean; days: number; scale: number; seed: number };
  /** Build the SPA at start when dist/client is missing. */
  buildClientIfMissing: boolean;
  ingest: IngestConfig;
}

export interface IngestConfig {
  /** Bearer tokens accepted by the ingestion endpoints; none: ingestion is off. */
  tokens: string[];
  maxBytes: number;
  maxRows: number;
  /** requests per second per token, and the burst allowed above it */
  ratePerSecond: number;
  burst: number;
}

type Env = Record<string, string | undefined>;

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

function ingestTokens(env: Env): string[] {
  const raw = env.VIGIL_INGEST_TOKENS?.trim();
  if (!raw) return [];
  const tokens = raw.split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of tokens) {
    if (t.length < 16 || !/^[A-Za-z0-9_.~-]+$/.test(t)) {
      throw new ConfigError('VIGIL_INGEST_TOKENS: each token must be at least 16 characters of letters, digits or . _ ~ - (comma-separated).');
    }
  }
  return tokens;
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
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    dataDir: path.resolve(env.VIGIL_DATA_DIR || 'data'),
    clickhouse,
    logLevel,
    queryTimeoutSeconds: int(env, 'VIGIL_QUERY_TIMEOUT_S', 30, 1, 3600),
    maxResultRows: int(env, 'VIGIL_MAX_RESULT_ROWS', 100_000, 100, 100_000_000),
    demo: {
      seedWhenEmpty: bool(env, 'VIGIL_DEMO', true),
      days: int(env, 'VIGIL_DEMO_DAYS', 90, 14, 730),
      scale: num(env, 'VIGIL_DEMO_SCALE', 1, 0.01, 50),
      seed: int(env, 'VIGIL_DEMO_SEED', 42, 0, 2 ** 31 - 1),
    },
    buildClientIfMissing: bool(env, 'VIGIL_BUILD_CLIENT', true),
    ingest: {
      tokens: ingestTokens(env),
      maxBytes: int(env, 'VIGIL_INGEST_MAX_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxRows: int(env, 'VIGIL_INGEST_MAX_ROWS', 10_000, 1, 1_000_000),
      ratePerSecond: num(env, 'VIGIL_INGEST_RATE', 20, 0.01, 100_000),
      burst: int(env, 'VIGIL_INGEST_BURST', 40, 1, 1_000_000),
    },
  };
}

// Runs GraphQL operations against Apollo in-process, on a test database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { createApp } from '../http/app.js';
import { loadConfig, type IngestConfig } from '../config.js';
import { createSecurity, sharedLedgerFor, type Security } from '../auth/security.js';
import type { Database } from '../db/database.js';
import { signIn, TEST_ADMIN } from './signIn.js';

export { TEST_ADMIN };
import { FULL_ACCESS, type Access } from '../access/access.js';
import { createApolloServer } from '../graphql/server.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Channel } from '../alerts/channels.js';
import { openTestDatabase, type TestDatabase } from './testDatabase.js';
import { loadAnalyticsFixture } from './analyticsFixture.js';

export interface GraphQLResult {
  data?: any;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

export interface TestApi {
  apollo: ApolloServer<GraphQLContext>;
  security: Security;
  /** base URL of the HTTP app, when started with { http: true } */
  url: string;
  /** The raw result, errors included; as `access` (default: full access). */
  gql(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult>;
  /** The data; throws on any error. */
  ok(query: string, variables?: Record<string, unknown>, access?: Access): Promise<any>;
  /** Signs in over HTTP (needs { http: true }); the session cookie to send, or the failed response. */
  signIn(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}


/** Apollo in-process; with `http`, also the whole HTTP app on a free loopback port. */
export async function startTestApi(
  t: TestDatabase,
  /** `db`: another handle on t's engine (Database.withAnswerCache), to stand for a second server */
  opts: {
    http?: boolean; ingest?: IngestConfig; env?: Record<string, string>; clientDir?: string; db?: Database;
    /** notification channels (server/alerts/channels.ts) and the base of links, as main.ts passes them */
    alertChannels?: readonly Channel[]; publicUrl?: string;
  } = {},
): Promise<TestApi> {
  const config = loadConfig({ VIGIL_ADMIN_PASSWORD: TEST_ADMIN.password, VIGIL_USER_BURST: '10000', ...opts.env });
  const { auth } = config;
  const db = opts.db ?? t.db;
  const apollo = createApolloServer(auth);
  await apollo.start();
  const security = createSecurity(db, t.log, auth, sharedLedgerFor(db, config.sharedState));
  let server: Server | null = null;
  let url = '';
  if (opts.http) {
    server = createApp({ db, log: t.log, apollo, security, clientDir: opts.clientDir ?? '/nonexistent', ingest: opts.ingest }).listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if ((await security.accounts.count()) === 0) await security.accounts.create(TEST_ADMIN.username, TEST_ADMIN.password, { role: 'admin' }, 'test', []);
  }
  const catalogue = new DataCatalogueCache(db);
  const gql = async (query: string, variables: Record<string, unknown> = {}, access: Access = FULL_ACCESS) => {
    const context: GraphQLContext = {
      db, log: t.log, catalogue, security, access, sessionHash: null, ip: '127.0.0.1', alertChannels: opts.alertChannels ?? [], publicUrl: opts.publicUrl ?? null,
    };
    const res = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as GraphQLResult;
  };
  return {
    apollo,
    security,
    url,
    gql,
    signIn: (username, password) => signIn(url, username, password),
    async ok(query, variables, access) {
      const r = await gql(query, variables, access);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    },
    async stop() {
      if (server) await new Promise((r) => server!.close(r));
      await apollo.stop();
    },
  };
}

/** The set-up of most API tests: a fresh engine with the analytics fixture and the API in-process. */
export async function openFixtureApi(): Promise<{ t: TestDatabase; api: TestApi; close(): Promise<void> }> {
  const t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  const api = await startTestApi(t);
  return {
    t,
    api,
    async close() {
      await api.stop();
      await t.close();
    },
  };
}

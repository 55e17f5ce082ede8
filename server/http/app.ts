// The HTTP surface on one port: /graphql (Apollo, signed-in users only), /auth/* (sign-in),
// /ingest/v1/* (ingestion tokens), /healthz, and the built SPA at / (public: it holds no data).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler } from 'express';
import compression from 'compression';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { GraphQLContext } from '../graphql/context.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import { ingestRouter } from './ingestRoutes.js';
import type { Security } from '../auth/security.js';
import { askerOf, authRouter, identify, requireSignIn } from './authRoutes.js';
import { securityHeaders } from './securityHeaders.js';
import { hashedAssets } from './hashedAssets.js';
import type { IngestConfig } from '../config.js';
import type { Channel } from '../alerts/channels.js';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export function createApp(opts: {
  db: Database;
  /** where ingested events are written (an insert-only ClickHouse user); default: db */
  ingestDb?: Database;
  log: Logger;
  apollo: ApolloServer<GraphQLContext>;
  security: Security;
  clientDir?: string;
  ingest?: IngestConfig;
  /** VIGIL_PUBLIC_URL, for absolute links in exports */
  publicUrl?: string | null;
  /** the catalogue the alert engine reads too (default: a new one) */
  catalogue?: DataCatalogueCache;
  /** the alert engine: configured channels, and a nudge after new data or a rule change */
  /** the notification channels (the engine's own: a test goes through the same code) and the engine's kick */
  alerts?: { channels: readonly Channel[]; kick: () => void };
}) {
  const { db, log, apollo, security } = opts;
  const clientDir = opts.clientDir ?? CLIENT_DIST;
  const catalogue = opts.catalogue ?? new DataCatalogueCache(db);
  const alertsKick = opts.alerts?.kick;
  const app = express();
  app.disable('x-powered-by');
  // Client addresses and HTTPS as reported by the trusted reverse proxies only.
  if (security.config.trustedProxies.length) app.set('trust proxy', security.config.trustedProxies);
  app.use(securityHeaders);
  // GraphQL and JSON answers (and index.html) compressed when the client accepts it: brotli
  // quality 4 or gzip, above 1 KB (see README, Speed). Hashed assets come compressed already.
  app.use(compression());

  app.get('/healthz', async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: db.kind });
  });

  if (opts.ingest) app.use(ingestRouter({ db: opts.ingestDb ?? db, log, config: opts.ingest, tokens: security.tokens, ledger: security.ledger, onIngested: (stored) => {
    catalogue.noteIngested(stored);
    // the watermark may have moved: the alert engine evaluates the hours that became complete
    alertsKick?.();
  } }));

  app.use(['/auth', '/graphql'], identify(security));
  app.use(authRouter(security, log));
  app.use(
    '/graphql',
    requireSignIn,
    // answers are private to the asker: no cache on the way may keep them
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const asker = askerOf(res)!;
        return { db, log, catalogue, security, access: asker.access, sessionHash: asker.sessionHash, ip: req.ip ?? '', publicUrl: opts.publicUrl ?? null,
          alertChannels: opts.alerts?.channels ?? [], alertsChanged: alertsKick };
      },
    }),
  );

  // The SPA: hashed files (immutable, compressed once), other real files, then index.html for
  // client-side routes; index.html is always revalidated, so a new build is picked up at once.
  const assets = hashedAssets(path.join(clientDir, 'assets'));
  void assets.warm();
  app.use('/assets', assets);
  app.use(express.static(clientDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, file) => file.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
  }));
  app.get(/^\/(?!graphql|healthz|auth\/|ingest\/).*/, (req, res, next) => {
    if (path.extname(req.path)) return next();
    const index = path.join(clientDir, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).json({ error: 'The dashboard is not built yet: run `npm run build`.' });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found.' });
  });

  // Malformed bodies and anything unexpected: a JSON answer, never a stack trace.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    const message =
      err?.type === 'entity.too.large' ? 'The request body is too large.' :
      err?.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' :
      status < 500 ? 'The request is not valid.' : 'Internal server error.';
    res.status(status).json({ error: message });
  };
  app.use(onError);
  return app;
}

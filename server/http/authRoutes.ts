// Sign-in over HTTP: POST /auth/login, POST /auth/logout, GET /auth/me, and the middleware that
// tells every later handler who is asking (a session cookie, or a trusted sign-in proxy).
// Failures say only "wrong username or password", whatever was wrong, and cost the same time.
import express, { type Request, type Response, type NextFunction, Router } from 'express';
import type { Access } from '../access/access.js';
import type { Security } from '../auth/security.js';
import type { Logger } from '../log.js';
import { accessOf } from '../auth/accounts.js';
import { decoyHash, verifyPassword } from '../auth/passwords.js';
import { proxyIdentity } from '../auth/proxySignIn.js';

const COOKIE = 'vigil_session';
/** With Secure, the __Host- prefix also pins the cookie to this host and path /. */
const SECURE_COOKIE = `__Host-${COOKIE}`;

export interface Asker {
  access: Access;
  /** the session's digest, when signed in by cookie */
  sessionHash: string | null;
}

/** Who is asking, set by `identify`: null when nobody is signed in. */
export const askerOf = (res: Response): Asker | null => (res.locals.asker as Asker | undefined) ?? null;

function cookieToken(req: Request): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE || name === SECURE_COOKIE) return value.join('=');
  }
  return null;
}

export function identify(security: Security) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const viaProxy = proxyIdentity(security.config, req.socket.remoteAddress, (h) => req.get(h));
    if (viaProxy && 'refused' in viaProxy) {
      res.status(403).json({ error: viaProxy.refused });
      return;
    }
    if (viaProxy) {
      res.locals.asker = { access: viaProxy.access, sessionHash: null } satisfies Asker;
      return next();
    }
    const token = cookieToken(req);
    const session = token ? await security.sessions.resolve(token) : null;
    const user = session ? await security.accounts.get(session.username) : null;
    if (session && user && !user.disabled) res.locals.asker = { access: accessOf(user), sessionHash: session.hash } satisfies Asker;
    next();
  };
}

/** 401 for anyone not signed in, as JSON shaped like a GraphQL error so clients handle one form. */
export function requireSignIn(_req: Request, res: Response, next: NextFunction) {
  if (askerOf(res)) return next();
  res.status(401).json({ error: 'Sign in to use Vigil.', errors: [{ message: 'Sign in to use Vigil.', extensions: { code: 'UNAUTHENTICATED' } }] });
}

const me = (a: Access) => ({ username: a.username, role: a.role, scope: { regions: a.scope.REGION ?? [], countries: a.scope.COUNTRY ?? [], vendors: a.scope.VENDOR ?? [] } });

export function authRouter(security: Security, log: Logger): Router {
  const router = Router();
  const { config, accounts, sessions, audit, throttle } = security;

  const secure = (req: Request) => config.secureCookies === 'always' || (config.secureCookies === 'auto' && req.secure);
  const setCookie = (req: Request, res: Response, token: string, maxAge: number) => {
    const name = secure(req) ? SECURE_COOKIE : COOKIE;
    // Strict: the cookie never rides on a request started by another site (links into Vigil still
    // work: the page is public, and its own API calls are same-site).
    const attributes = [`${name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, ...(secure(req) ? ['Secure'] : [])];
    res.append('Set-Cookie', attributes.join('; '));
  };
  // Only JSON bodies: an HTML form on another site cannot send one without a CORS preflight.
  const json = (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'Send the request as application/json.' });
      return;
    }
    next();
  };

  router.post('/auth/login', json, express.json({ limit: '4kb' }), async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 100 || password.length > 1000) {
      res.status(400).json({ error: 'Send {"username": "…", "password": "…"}.' });
      return;
    }
    const name = username.trim().toLowerCase();
    const ip = req.ip ?? '';
    const unavailable = (err: unknown) => {
      log.error({ err: (err as Error).message }, 'sign-in failed: the database did not answer');
      res.status(503).set('Retry-After', '5').json({ error: 'Signing in is unavailable: the database did not answer. Try again in a moment.' });
    };
    // reserved before the (slow) password check, so concurrent attempts are counted as they arrive
    // (with a shared throttle the count is in ClickHouse: no count, no check)
    let wait: number;
    try {
      wait = await throttle.attempt(name, ip);
    } catch (err) {
      return unavailable(err);
    }
    if (wait > 0) {
      res.status(429).set('Retry-After', String(wait)).json({ error: `Too many failed sign-ins. Try again in ${wait} seconds.` });
      return;
    }
    let user: Awaited<ReturnType<typeof accounts.get>>;
    try {
      user = await accounts.get(name);
    } catch (err) {
      await throttle.release(name, ip);
      return unavailable(err);
    }
    // an unknown user is checked against a decoy hash: the same work, the same answer
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid || user.disabled) {
      await audit.record({ actor: name.slice(0, 64), action: 'login_failed', target: '', detail: '', ip, ok: false });
      res.status(401).json({ error: 'Wrong username or password.' });
      return;
    }
    await throttle.succeed(name, ip);
    // a fresh session at every sign-in; whatever cookie came with the request is ended (fixation)
    let token: string;
    try {
      const previous = askerOf(res)?.sessionHash;
      if (previous) await sessions.revoke(previous);
      ({ token } = await sessions.create(user.username, ip));
    } catch (err) {
      // e.g. a full disk: the server is at fault, not the request, and a retry may work
      return unavailable(err);
    }
    setCookie(req, res, token, sessions.lifetimeSeconds);
    await audit.record({ actor: user.username, action: 'login', target: '', detail: '', ip });
    res.json({ user: me(accessOf(user)) });
  });

  router.post('/auth/logout', json, async (req, res) => {
    const asker = askerOf(res);
    if (asker?.sessionHash) {
      await sessions.revoke(asker.sessionHash);
      await audit.record({ actor: asker.access.username, action: 'logout', target: '', detail: '', ip: req.ip ?? '' });
    }
    setCookie(req, res, '', 0);
    res.status(204).end();
  });

  router.get('/auth/me', (_req, res) => {
    const asker = askerOf(res);
    if (!asker) {
      res.status(401).json({ error: 'Not signed in.' });
      return;
    }
    res.set('Cache-Control', 'no-store').json({ user: me(asker.access), proxy: asker.sessionHash === null });
  });

  return router;
}

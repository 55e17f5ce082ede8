// Resolvers of identity and administration: the signed-in user, users, ingestion tokens, the audit
// log, and export records. Admin-only fields check the role first; every change is audited.
import { GraphQLError } from 'graphql';
import { requireRole, type Role } from '../access/access.js';
import { checkPassword, type User as Account } from '../auth/accounts.js';
import type { IngestToken as Token } from '../auth/ingestTokens.js';
import { parseAuditCursor, type AuditAction } from '../auth/audit.js';
import { verifyPassword } from '../auth/passwords.js';
import { toIso } from '../domain/time.js';
import { badInput } from '../domain/errors.js';
import { text } from '../domain/fieldChecks.js';
import type { GraphQLContext } from './context.js';
import type { IngestToken, Resolvers, Role as RoleEnum, TargetSetting, User } from './generated.js';
import { METRICS, type MetricDef } from '../definitions/metricCatalogue.js';
import { setTarget, withTarget, type TargetOverride } from '../metrics/targets.js';
import { parseMetric } from './argumentChecks.js';
import { metricInfo, stamp } from './answerShapes.js';

const roleOf = (r: RoleEnum) => r.toLowerCase() as Role;

function userOf(u: Account): User {
  return {
    username: u.username, version: u.version, role: u.role.toUpperCase() as RoleEnum, regions: u.regions, countries: u.countries, vendors: u.vendors,
    disabled: u.disabled, updatedBy: u.updatedBy, updatedAt: stamp(u.updatedAt),
  };
}

function tokenOf(t: Token): IngestToken {
  return {
    id: t.id, version: t.version, name: t.name, streams: t.streams, revoked: t.revoked, createdBy: t.createdBy,
    updatedAt: stamp(t.updatedAt), lastUsedAt: t.lastUsed ? toIso(t.lastUsed) : null,
  };
}

const knownVendors = async ({ catalogue }: GraphQLContext) => (await catalogue.get()).values.get('VENDOR') ?? [];
const audit = (ctx: GraphQLContext, action: AuditAction, target: string, detail: unknown = {}, ok = true) =>
  ctx.security.audit.record({ actor: ctx.access.username, action, target, detail: JSON.stringify(detail), ip: ctx.ip, ok });

/** A metric's target setting: the catalogue's, and the last change an admin made. */
function targetSettingOf(def: MetricDef, last: TargetOverride | undefined): TargetSetting {
  return {
    metric: metricInfo(last ? withTarget(def, new Map([[def.id, last]])) : def),
    defaultTarget: def.target ?? null,
    version: last?.version ?? 0,
    overridden: last !== undefined && last.state !== 'DEFAULT',
    updatedBy: last?.updatedBy ?? null,
    updatedAt: last ? stamp(last.updatedAt) : null,
  };
}

export const adminResolvers: Pick<Resolvers, 'Query' | 'Mutation'> = {
  Query: {
    async me(_p, _a, { access, security, sessionHash }) {
      // a local user as stored; someone signed in by the proxy exists only in this request
      const local = sessionHash !== null ? await security.accounts.get(access.username) : null;
      if (local) return userOf(local);
      return {
        username: access.username, version: 0, role: access.role.toUpperCase() as RoleEnum,
        regions: [...(access.scope.REGION ?? [])], countries: [...(access.scope.COUNTRY ?? [])], vendors: [...(access.scope.VENDOR ?? [])],
        disabled: false, updatedBy: 'sign-in proxy', updatedAt: toIso(Math.floor(Date.now() / 1000)),
      };
    },
    async users(_p, _a, { access, security }) {
      requireRole(access, 'admin', 'Listing users');
      return (await security.accounts.list()).map(userOf);
    },
    async ingestTokens(_p, _a, { access, security }) {
      requireRole(access, 'admin', 'Listing ingestion tokens');
      return (await security.tokens.list()).map(tokenOf);
    },
    async targets(_p, _a, { access, catalogue }) {
      requireRole(access, 'admin', 'Listing targets');
      const { targets } = await catalogue.get();
      return METRICS.map((def) => targetSettingOf(def, targets.get(def.id)));
    },
    async auditLog(_p, { input }, { access, security }) {
      requireRole(access, 'admin', 'Reading the audit log');
      const limit = input?.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('input.limit must be from 1 to 500.', 'input.limit');
      const before = input?.before ? Date.parse(input.before) : null;
      if (before !== null && Number.isNaN(before)) throw badInput('input.before must be an ISO instant like 2026-11-16T00:00:00Z.', 'input.before');
      const after = input?.after ? parseAuditCursor(input.after) : undefined;
      if (after === null) throw badInput('input.after must be the cursor of an audit entry.', 'input.after');
      return security.audit.list({
        limit,
        after,
        before: before === null ? undefined : new Date(before).toISOString().replace('T', ' ').replace('Z', ''),
        actor: text(input?.actor, 'input.actor', 64, false) || undefined,
        action: text(input?.action, 'input.action', 40, false) || undefined,
      }).then((rows) => rows.map((r) => ({ ...r, at: stamp(r.at) })));
    },
  },
  Mutation: {
    async recordExport(_p, { input }, ctx) {
      if (input.kind === 'CSV' || input.kind === 'SQL') requireRole(ctx.access, 'analyst', `Exporting ${input.kind}`);
      const view = text(input.view, 'input.view', 2000, true);
      if (!view.startsWith('/')) throw badInput('input.view must be a path of this dashboard, like /explore?metric=…', 'input.view');
      await audit(ctx, 'export', view, { kind: input.kind, rows: input.rows ?? null });
      return true;
    },
    async changeMyPassword(_p, { currentPassword, newPassword }, ctx) {
      const { security, access, sessionHash } = ctx;
      const user = await security.accounts.get(access.username);
      if (!user || sessionHash === null) throw new GraphQLError('Your password is managed by your sign-in provider.', { extensions: { code: 'BAD_USER_INPUT' } });
      checkPassword(newPassword, 'newPassword');
      // guesses of the current password count like failed sign-ins (a stolen session must not
      // become an oracle for the password); reserved before the check, so a burst counts
      const wait = await security.throttle.attempt(user.username, ctx.ip);
      if (wait > 0) throw new GraphQLError(`Too many wrong passwords. Try again in ${wait} seconds.`, { extensions: { code: 'RATE_LIMITED', retryAfter: wait } });
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        await audit(ctx, 'password_changed', user.username, { reason: 'wrong current password' }, false);
        throw badInput('currentPassword is not your current password.', 'currentPassword');
      }
      await security.throttle.succeed(user.username, ctx.ip);
      await security.accounts.setPassword(user.username, user.version, newPassword, user.username);
      await security.sessions.revokeAllOf(user.username, sessionHash);
      await audit(ctx, 'password_changed', user.username);
      return true;
    },
    async createUser(_p, { input }, ctx) {
      requireRole(ctx.access, 'admin', 'Creating users');
      const change = { role: roleOf(input.role), regions: input.regions, countries: input.countries, vendors: input.vendors };
      const user = await ctx.security.accounts.create(input.username.trim().toLowerCase(), input.password, change, ctx.access.username, await knownVendors(ctx));
      await audit(ctx, 'user_created', user.username, { role: user.role, regions: user.regions, countries: user.countries, vendors: user.vendors });
      return userOf(user);
    },
    async updateUser(_p, { username, expectedVersion, input }, ctx) {
      requireRole(ctx.access, 'admin', 'Changing users');
      if (username === ctx.access.username && (input.disabled || input.role !== 'ADMIN')) {
        throw badInput('You cannot disable yourself or take away your own admin role (ask another admin).', 'username');
      }
      const change = { role: roleOf(input.role), regions: input.regions, countries: input.countries, vendors: input.vendors, disabled: input.disabled };
      const user = await ctx.security.accounts.update(username, expectedVersion, change, ctx.access.username, await knownVendors(ctx));
      if (user.disabled) await ctx.security.sessions.revokeAllOf(user.username);
      await audit(ctx, 'user_updated', user.username, { role: user.role, regions: user.regions, countries: user.countries, vendors: user.vendors, disabled: user.disabled });
      return userOf(user);
    },
    async setPassword(_p, { username, expectedVersion, password }, ctx) {
      requireRole(ctx.access, 'admin', 'Setting passwords');
      const user = await ctx.security.accounts.setPassword(username, expectedVersion, password, ctx.access.username);
      await ctx.security.sessions.revokeAllOf(user.username, username === ctx.access.username ? (ctx.sessionHash ?? '') : '');
      await audit(ctx, 'user_password_set', user.username);
      return userOf(user);
    },
    async setTarget(_p, { metric, expectedVersion, change, target }, ctx) {
      requireRole(ctx.access, 'admin', 'Changing targets');
      const def = parseMetric(metric, 'metric');
      if ((change === 'SET') !== Boolean(target)) throw badInput('target is required with change SET, and only then.', 'target');
      if (target && target.direction !== 'AT_LEAST' && target.direction !== 'AT_MOST') throw badInput('target.direction must be AT_LEAST or AT_MOST.', 'target.direction');
      const wanted = change === 'SET' ? { ...target!, direction: target!.direction as 'AT_LEAST' | 'AT_MOST' } : change === 'NONE' ? null : 'DEFAULT';
      const stored = await setTarget(ctx.db, def, expectedVersion, wanted, ctx.access.username);
      ctx.catalogue.invalidate();
      await audit(ctx, 'target_changed', def.id, { change, target: stored.target });
      return targetSettingOf(def, stored);
    },
    async createIngestToken(_p, { input }, ctx) {
      requireRole(ctx.access, 'admin', 'Creating ingestion tokens');
      const { secret, token } = await ctx.security.tokens.create(input.name, input.streams, ctx.access.username);
      await audit(ctx, 'token_created', token.id, { name: token.name, streams: token.streams });
      return { secret, token: tokenOf(token) };
    },
    async revokeIngestToken(_p, { id, expectedVersion }, ctx) {
      requireRole(ctx.access, 'admin', 'Revoking ingestion tokens');
      const token = await ctx.security.tokens.revoke(id, expectedVersion);
      await audit(ctx, 'token_revoked', token.id, { name: token.name });
      return tokenOf(token);
    },
  },
};

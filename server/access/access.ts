// Who is asking: a role and a data scope. Every query applies the scope through parseFilters
// (graphql/inputs.ts), which every resolver must call with the asker's access, so no resolver
// can forget it. The HTTP layer (http/authRoutes.ts) builds the asker's access from their session.
import { GraphQLError } from 'graphql';
import type { Dimension } from '../graphql/generated.js';

export type Role = 'viewer' | 'analyst' | 'editor' | 'admin';
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, editor: 2, admin: 3 };

/** Dimensions a scope can restrict. An empty or absent list means no restriction. */
export type ScopedDimension = Extract<Dimension, 'REGION' | 'COUNTRY' | 'VENDOR'>;
export const SCOPED_DIMENSIONS: readonly ScopedDimension[] = ['REGION', 'COUNTRY', 'VENDOR'];

export interface Access {
  username: string;
  role: Role;
  scope: Partial<Record<ScopedDimension, readonly string[]>>;
}

/** Command-line tools and tests only: the server never gives it to a request. */
export const FULL_ACCESS: Access = { username: 'system', role: 'admin', scope: {} };

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'editor', 'admin'];

/** A username, local or from the sign-in proxy: lowercase letters, digits and . _ @ -. */
export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** What the role allows, in words, for error messages. */
const CAN: Record<Role, string> = {
  viewer: 'view dashboards and retrospectives',
  analyst: 'also explore, see the SQL behind figures and export',
  editor: 'also write incident notes and retrospective findings',
  admin: 'also manage users, targets and ingestion tokens',
};

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export const hasRole = (access: Access, needed: Role) => RANK[access.role] >= RANK[needed];

export function requireRole(access: Access, needed: Role, what: string): void {
  if (!hasRole(access, needed)) {
    const article = /^[aeiou]/.test(access.role) ? 'an' : 'a';
    throw forbidden(`${what} needs the ${needed} role; you are ${article} ${access.role} (${CAN[access.role]}).`);
  }
}

/** The scope's restrictions that are in force (non-empty lists). */
export function restrictions(access: Access): [ScopedDimension, readonly string[]][] {
  return SCOPED_DIMENSIONS.filter((d) => (access.scope[d]?.length ?? 0) > 0).map((d) => [d, access.scope[d]!]);
}

/**
 * Applies the scope to a question's filters: a dimension the scope restricts gets the scope's
 * values (or the asked ones, when all are inside it); asking outside the scope, or for data that
 * is not kept by a restricted dimension, is refused — never answered with silently empty data.
 */
export function scopeFilters(
  access: Access, filters: Map<Dimension, string[]>, metricDimensions: readonly Dimension[], what: string, argument: string,
): Map<Dimension, string[]> {
  const out = new Map(filters);
  for (const [d, allowed] of restrictions(access)) {
    if (!metricDimensions.includes(d)) {
      throw forbidden(`Your access is limited by ${d.toLowerCase()} (${allowed.join(', ')}), and ${what} is not kept by ${d.toLowerCase()}, so it cannot be shown to you.`);
    }
    const asked = out.get(d);
    if (asked) {
      const outside = asked.filter((v) => !allowed.includes(v));
      if (outside.length) throw forbidden(`${argument}: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside your access (${d.toLowerCase()}: ${allowed.join(', ')}).`);
    } else out.set(d, [...allowed]);
  }
  return out;
}

/** Dimension values a user may see. */
export function visibleValues(access: Access, d: Dimension, values: readonly string[]): string[] {
  const allowed = access.scope[d as ScopedDimension];
  return allowed?.length ? values.filter((v) => allowed.includes(v)) : [...values];
}

/** Whether a scope can be applied to data kept by these dimensions (else it must not be shown). */
export function canSee(access: Access, dimensions: readonly Dimension[]): boolean {
  return restrictions(access).every(([d]) => dimensions.includes(d));
}

/**
 * Regions for event lists (markers, notes): the asked ones, which must lie inside a region scope,
 * or the scope itself. Events without a region scope concern everyone and stay visible.
 */
export function regionsFor(access: Access, asked: readonly string[], argument: string): string[] {
  const allowed = access.scope.REGION ?? [];
  if (allowed.length === 0) return [...asked];
  const outside = asked.filter((r) => !allowed.includes(r));
  if (outside.length) throw forbidden(`${argument}: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside your access (region: ${allowed.join(', ')}).`);
  return asked.length ? [...asked] : [...allowed];
}

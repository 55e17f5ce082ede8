// Who is asking: a role and a data scope. Every query of figures applies the scope through
// parseFilters (metrics/sliceInput.ts), which every resolver must call with the asker's access and
// the catalogue read for it, so no resolver can forget it; notes, markers, findings and actions
// follow the document rule at the end of this file (as SQL in queries/documentScope.ts). The
// HTTP layer (http/authRoutes.ts) builds the asker's access from their session.
import type { Dimension } from '../domain/vocabulary.generated.js';
import { REGIONS, regionOfCountry } from '../domain/taxonomy.js';
import { forbidden } from '../domain/errors.js';

export type Role = 'viewer' | 'analyst' | 'editor' | 'admin' | 'compliance';
// A compliance officer may do what an analyst does (check a figure in Explore, see its SQL) and,
// beside the ladder, read, export and word the DSA report (canUseDsaReport): not notes, not users.
// It ranks with the analyst, so never ask requireRole for 'compliance' — ask canUseDsaReport.
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, compliance: 1, editor: 2, admin: 3 };

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

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'editor', 'admin', 'compliance'];

/** A username, local or from the sign-in proxy: lowercase letters, digits and . _ @ -. */
export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** What the role allows, in words, for error messages. */
const CAN: Record<Role, string> = {
  viewer: 'view dashboards and retrospectives',
  analyst: 'also explore, see the SQL behind figures and export',
  editor: 'also write incident notes and retrospective findings',
  admin: 'also manage users, targets and ingestion tokens',
  compliance: 'explore, see the SQL behind figures and export, and the DSA transparency report',
};


export const hasRole = (access: Access, needed: Role) => RANK[access.role] >= RANK[needed];

export function requireRole(access: Access, needed: Role, what: string): void {
  if (!hasRole(access, needed)) {
    const article = /^[aeiou]/.test(access.role) ? 'an' : 'a';
    throw forbidden(`${what} needs the ${needed} role; you are ${article} ${access.role} (${CAN[access.role]}).`);
  }
}

/**
 * The DSA transparency report (read, export, its texts): admins and compliance officers whose
 * scope is unrestricted — the report is EU-wide (every member state, every service), so a region,
 * country or vendor scope would see figures outside it.
 */
export function requireDsaReportAccess(access: Access): void {
  if (access.role !== 'admin' && access.role !== 'compliance') {
    const article = /^[aeiou]/.test(access.role) ? 'an' : 'a';
    throw forbidden(`The DSA transparency report needs the admin or compliance role; you are ${article} ${access.role} (${CAN[access.role]}).`);
  }
  if (restrictions(access).length > 0) {
    throw forbidden('The DSA transparency report covers every member state and service; your access is limited, so it cannot be shown to you.');
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

/** One key per distinct scope (the same restrictions give the same key; none gives ''). */
export const scopeKey = (access: Access): string => (restrictions(access).length ? JSON.stringify(restrictions(access)) : '');

/**
 * Whether the scope limits which values of a dimension the asker sees: its own restriction, and
 * regions and countries under either place restriction (a region scope limits countries too).
 */
export function limitedByAccess(access: Access, d: Dimension): boolean {
  const geo = restricted(access, 'REGION') !== null || restricted(access, 'COUNTRY') !== null;
  if (d === 'REGION' || d === 'COUNTRY') return geo;
  return d === 'VENDOR' && restricted(access, 'VENDOR') !== null;
}

/** Whether a scope can be applied to data kept by these dimensions (else it must not be shown). */
export function canSee(access: Access, dimensions: readonly Dimension[]): boolean {
  return restrictions(access).every(([d]) => dimensions.includes(d));
}

const restricted = (access: Access, d: ScopedDimension) => (access.scope[d]?.length ? access.scope[d]! : null);
const ALL_COUNTRIES = Object.keys(regionOfCountry);

/**
 * Regions and countries a filter may name: those that hold some of the scope's places (a
 * country-scoped user may filter by the region of their countries — the scope still narrows the
 * answer to their countries). Not the same as a document's places, which must lie wholly inside.
 */
export function filterableRegions(access: Access): string[] {
  const R = restricted(access, 'REGION');
  const C = restricted(access, 'COUNTRY');
  return REGIONS.filter((r) => (!R || R.includes(r.code)) && (!C || r.countries.some((c) => C.includes(c)))).map((r) => r.code);
}
export function filterableCountries(access: Access): string[] {
  const R = restricted(access, 'REGION');
  const C = restricted(access, 'COUNTRY');
  return ALL_COUNTRIES.filter((c) => (!R || R.includes(regionOfCountry[c]!)) && (!C || C.includes(c)));
}

/**
 * Regions for event lists (markers, notes): the asked ones, each of which must hold some of the
 * scope's places; which events the asker may see at all is the document rule below.
 */
export function regionsFor(access: Access, asked: readonly string[], argument: string): string[] {
  const allowed = filterableRegions(access);
  const outside = asked.filter((r) => !allowed.includes(r));
  if (outside.length) throw forbidden(`${argument}: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside your access (${describeScope(access)}).`);
  return [...asked];
}

/** The scope in words: "region: EU, NA; vendor: kestrel". */
export const describeScope = (access: Access) => restrictions(access).map(([d, v]) => `${d.toLowerCase()}: ${v.join(', ')}`).join('; ');

// ---- Documents: incident notes, rollout markers, retrospective findings and actions -------------

/** What a document is about, on the dimensions a scope can restrict (places and vendors). */
export interface Subject {
  regions: readonly string[];
  countries: readonly string[];
  vendors: readonly string[];
}

/**
 * The places and vendors wholly inside a scope (null: not restricted). A region is inside a
 * country scope only if every one of its countries is; a country is inside a region scope if its
 * region is (server/domain/taxonomy.ts). Both restrictions at once: inside both.
 */
export interface ScopeBounds {
  regions: string[] | null;
  countries: string[] | null;
  vendors: string[] | null;
}

export function scopeBounds(access: Access): ScopeBounds {
  const R = restricted(access, 'REGION');
  const C = restricted(access, 'COUNTRY');
  const V = restricted(access, 'VENDOR');
  const geo = R !== null || C !== null;
  return {
    regions: geo ? REGIONS.filter((r) => (!R || R.includes(r.code)) && (!C || r.countries.every((c) => C.includes(c)))).map((r) => r.code) : null,
    countries: geo ? filterableCountries(access) : null,
    vendors: V ? [...V] : null,
  };
}

/** A document about no place and no vendor concerns the whole team. */
export const isTeamWide = (s: Subject) => s.regions.length + s.countries.length + s.vendors.length === 0;

/**
 * Wholly inside the scope: on each dimension the scope restricts, the document names something
 * (places for a region or country scope, vendors for a vendor scope) and everything it names
 * there lies inside. A document that names nothing there is about everything on it — outside.
 */
export function whollyInside(b: ScopeBounds, s: Subject): boolean {
  if (b.regions && b.countries) {
    if (s.regions.length + s.countries.length === 0) return false;
    if (!s.regions.every((r) => b.regions!.includes(r)) || !s.countries.every((c) => b.countries!.includes(c))) return false;
  }
  if (b.vendors && (s.vendors.length === 0 || !s.vendors.every((v) => b.vendors!.includes(v)))) return false;
  return true;
}

/** Read: documents wholly inside the scope, and team-wide ones (they concern everyone). */
export const canRead = (access: Access, s: Subject) => isTeamWide(s) || whollyInside(scopeBounds(access), s);

/** Write (create, change, delete — before and after the change): only documents wholly inside the scope. */
export function requireWritable(access: Access, s: Subject, what: string, argument: string): void {
  if (whollyInside(scopeBounds(access), s)) return;
  const named = isTeamWide(s) ? 'is team-wide (it names no region, country or vendor)' : 'is not wholly inside it';
  const geo = restricted(access, 'REGION') || restricted(access, 'COUNTRY');
  const needs = [geo ? 'regions or countries' : '', restricted(access, 'VENDOR') ? 'vendors' : ''].filter(Boolean).join(' and ');
  throw forbidden(`${argument}: your access is limited (${describeScope(access)}) and this ${what} ${named}; name ${needs} inside your access only.`);
}

/** Read one document: FORBIDDEN outside the scope. */
export function requireReadable(access: Access, s: Subject, what: string, argument: string): void {
  if (!canRead(access, s)) throw forbidden(`${argument}: this ${what} is outside your access (${describeScope(access)}).`);
}

// Local users: role, data scope and password hash, versioned (every change kept, a stale change
// refused). Reads are cached for a few seconds because every request needs its user; changes made
// through this process clear the cache at once, so a scope change applies to the next request.
import type { Database } from '../db/database.js';
import { ROLES, USERNAME, type Access, type Role } from '../access/access.js';
import { badInput } from '../domain/errors.js';
import { codes } from '../domain/fieldChecks.js';
import { COUNTRY_NAMES, REGIONS } from '../domain/taxonomy.js';
import { run } from '../queries/statements.js';
import { userCountStatement, usersStatement } from '../queries/accessQueries.js';
import { currentVersion, now64, writeVersion } from '../queries/versionedWrites.js';
import { hashPassword } from './passwords.js';
import { passwordProblem } from '../domain/passwordRules.js';

const CACHE_MS = 5_000;

export interface User {
  username: string;
  version: number;
  passwordHash: string;
  role: Role;
  regions: string[];
  countries: string[];
  vendors: string[];
  disabled: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface UserChange {
  role: Role;
  regions?: readonly string[] | null;
  countries?: readonly string[] | null;
  vendors?: readonly string[] | null;
  disabled?: boolean | null;
}

type Row = Record<string, unknown>;

function userOf(r: Row): User {
  return {
    username: String(r.username),
    version: Number(r.version),
    passwordHash: String(r.password_hash),
    role: r.role as Role,
    regions: r.regions as string[],
    countries: r.countries as string[],
    vendors: r.vendors as string[],
    disabled: Number(r.disabled) === 1,
    updatedBy: String(r.updated_by),
    updatedAt: String(r.updated_at),
  };
}

export function accessOf(user: User): Access {
  return { username: user.username, role: user.role, scope: { REGION: user.regions, COUNTRY: user.countries, VENDOR: user.vendors } };
}

export function checkUsername(username: string, argument: string): string {
  if (!USERNAME.test(username)) {
    throw badInput(`${argument} must be 2–64 characters: lowercase letters, digits and . _ @ -, starting with a letter or digit.`, argument);
  }
  return username;
}

export function checkPassword(password: string, argument: string): string {
  const problem = passwordProblem(password);
  if (problem) throw badInput(`${argument} ${problem}.`, argument);
  return password;
}

export class Accounts {
  private cache = new Map<string, { user: User | null; at: number }>();

  constructor(private readonly db: Database) {}

  async get(username: string): Promise<User | null> {
    const hit = this.cache.get(username);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.user;
    const [row] = await run<Row>(this.db, usersStatement(username));
    const user = row ? userOf(row) : null;
    this.cache.set(username, { user, at: Date.now() });
    return user;
  }

  async list(): Promise<User[]> {
    return (await run<Row>(this.db, usersStatement())).map(userOf);
  }

  async count(): Promise<number> {
    const [row] = await run<{ n: string }>(this.db, userCountStatement());
    return Number(row?.n ?? 0);
  }

  async create(username: string, password: string, change: UserChange, by: string, knownVendors: readonly string[]): Promise<User> {
    checkUsername(username, 'input.username');
    checkPassword(password, 'input.password');
    const scope = this.scopeRow(change, knownVendors);
    if (await this.get(username)) throw badInput(`input.username: a user named ${username} already exists.`, 'input.username');
    const row = { username, version: 1, password_hash: await hashPassword(password), ...scope, updated_by: by, updated_at: now64() };
    return this.write(username, 1, row);
  }

  /** Role, scope or disabled flag; refused with CONFLICT when the user changed since `expectedVersion`. */
  async update(username: string, expectedVersion: number, change: UserChange, by: string, knownVendors: readonly string[]): Promise<User> {
    const scope = this.scopeRow(change, knownVendors);
    const latest = await currentVersion(this.db, 'users', username, expectedVersion, 'user');
    const row = { ...latest, version: expectedVersion + 1, ...scope, updated_by: by, updated_at: now64() };
    return this.write(username, expectedVersion + 1, row);
  }

  async setPassword(username: string, expectedVersion: number, password: string, by: string): Promise<User> {
    checkPassword(password, 'password');
    const latest = await currentVersion(this.db, 'users', username, expectedVersion, 'user');
    const row = { ...latest, version: expectedVersion + 1, password_hash: await hashPassword(password), updated_by: by, updated_at: now64() };
    return this.write(username, expectedVersion + 1, row);
  }

  private scopeRow(change: UserChange, knownVendors: readonly string[]): Row {
    if (!ROLES.includes(change.role)) throw badInput(`input.role must be one of ${ROLES.join(', ')}.`, 'input.role');
    return {
      role: change.role,
      regions: codes(change.regions, REGIONS.map((r) => r.code), 'input.regions'),
      countries: codes(change.countries, Object.keys(COUNTRY_NAMES), 'input.countries'),
      vendors: codes(change.vendors, knownVendors, 'input.vendors'),
      disabled: change.disabled ? 1 : 0,
    };
  }

  private async write(username: string, version: number, row: Row): Promise<User> {
    this.cache.delete(username);
    const stored = userOf(await writeVersion(this.db, 'users', username, version, row));
    this.cache.delete(username);
    return stored;
  }
}

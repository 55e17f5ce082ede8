// Sign-in throttling against password guessing (OWASP's authentication guidance), counted three ways
// over a sliding window, for usernames that exist or not alike (the answer reveals nothing):
// - per (username, address): a few failures lock that pair, the wait doubling up to a cap. Only the
//   guesser's pair is locked, so an attacker elsewhere cannot lock a colleague out cheaply;
// - per address across usernames (password spraying): locks that address the same way;
// - per username across all addresses (guessing from many addresses): past a higher count, the
//   username slows to one checked attempt per few seconds rather than locking, so its owner can
//   still get in while a distributed guesser gets only a trickle of guesses.
// An attempt is reserved (counted as a failure) BEFORE its password is checked, so a burst of
// concurrent attempts is counted as it arrives: at most the limit ever reach the password check.
// A success releases its reservation and clears its pair's failures, not the address's or the
// username's (an attacker's own successful sign-ins must not wipe the count of their guesses).
// The counts are computed from a shared ledger of reservations, releases and resets
// (server/db/sharedLedger.ts): in this process, or in ClickHouse so that several Vigil servers
// share one count (VIGIL_SHARED_STATE=clickhouse) — N failures allowed means N across all servers.
// A reservation is appended first and the counts read after: an attempt whose reservation meets
// others' that already reach a limit withdraws it, so at most the limit reach the password check
// (concurrent attempts may also refuse each other: they retry up to three times after a random pause that doubles each time).
import { randomUUID } from 'node:crypto';
import { MemoryLedger, type LedgerEntry, type SharedLedger } from '../db/sharedLedger.js';

export interface ThrottleRules {
  /** failures allowed per (username, address) within the window before that pair waits */
  perPair: number;
  /** failures allowed per address across usernames within the window before it waits */
  perAddress: number;
  /** failures allowed per username across all addresses before it slows down */
  perUser: number;
  /** past perUser: seconds between two checked attempts for that username */
  slowSeconds: number;
  windowSeconds: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

export const LOGIN_THROTTLE: ThrottleRules = {
  perPair: 5, perAddress: 20, perUser: 50, slowSeconds: 5, windowSeconds: 15 * 60, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60,
};

interface Failures {
  count: number;
  last: number;
}

const keysOf = (username: string, ip: string) => ({ pair: `p:${username}\n${ip}`, address: `a:${ip}`, user: `u:${username}` });
const SCOPE = 'login';
/** Failures are counted over at most the last day (beyond the cap of every wait). */
const LOOKBACK_SECONDS = 86400;
const RETRIES = 3;

/**
 * A key's failures from its entries, oldest first, leaving out `except` (an attempt's own): a
 * failure more than the window after the previous one starts the count afresh, a release takes
 * one back, a reset (a successful sign-in of the pair) forgets them all.
 */
export function failuresOf(entries: readonly LedgerEntry[], key: string, windowSeconds: number, now: number, except: string | null): Failures | null {
  let count = 0;
  let last = -Infinity;
  for (const e of entries) {
    if (e.key !== key || e.id === except) continue;
    if (e.reset) {
      count = 0;
      last = -Infinity;
    } else if (e.weight > 0) {
      if (e.at - last > windowSeconds) count = 0;
      count += e.weight;
      last = e.at;
    } else count = Math.max(0, count + e.weight);
  }
  return count > 0 && now - last <= windowSeconds ? { count, last } : null;
}

export class LoginThrottle {
  /** this process's reservations not yet settled, per pair, so succeed/release can name them */
  private pending = new Map<string, { id: string; at: number }[]>();

  constructor(
    private readonly ledger: SharedLedger = new MemoryLedger(),
    private readonly rules: ThrottleRules = LOGIN_THROTTLE,
    private readonly clock: () => number = () => Date.now() / 1000,
  ) {}

  /**
   * Seconds to wait before this attempt may be checked, or 0: then the attempt is counted as a
   * failure at once (call `succeed` or `release` after the check when it was not one).
   */
  async attempt(username: string, ip: string): Promise<number> {
    const k = keysOf(username, ip);
    const keys = [k.pair, k.address, k.user];
    for (let round = 0; ; round++) {
      const now = this.clock();
      const wait = this.waitOf(await this.ledger.read(SCOPE, keys, now - LOOKBACK_SECONDS), k, now, null);
      if (wait > 0) return wait;
      const id = randomUUID();
      await this.ledger.append(SCOPE, keys.map((key) => ({ key, id, at: now, weight: 1 })));
      // what the others hold now, including attempts made meanwhile here or on another server
      const others = this.waitOf(await this.ledger.read(SCOPE, keys, now - LOOKBACK_SECONDS), k, now, id);
      if (others === 0) {
        const list = this.pending.get(k.pair) ?? [];
        list.push({ id, at: now });
        this.pending.set(k.pair, list);
        if (this.pending.size > 10_000) this.prune(now);
        return 0;
      }
      await this.ledger.append(SCOPE, keys.map((key) => ({ key, id, at: now, weight: -1 })));
      if (round === RETRIES) return others;
      await new Promise((resolve) => setTimeout(resolve, (5 + Math.random() * 45) * 2 ** round));
    }
  }

  /** The attempt was a successful sign-in: its pair starts afresh; the rest forget its reservation. */
  async succeed(username: string, ip: string): Promise<void> {
    const k = keysOf(username, ip);
    const r = this.settle(k.pair);
    const reset: LedgerEntry = { key: k.pair, id: randomUUID(), at: this.clock(), weight: 0, reset: true };
    await this.ledger.append(SCOPE, r ? [reset, ...[k.address, k.user].map((key) => ({ key, id: r.id, at: r.at, weight: -1 }))] : [reset]);
  }

  /** The attempt could not be checked (e.g. the database failed): it does not count. */
  async release(username: string, ip: string): Promise<void> {
    const k = keysOf(username, ip);
    const r = this.settle(k.pair);
    if (r) await this.ledger.append(SCOPE, [k.pair, k.address, k.user].map((key) => ({ key, id: r.id, at: r.at, weight: -1 })));
  }

  private settle(pair: string): { id: string; at: number } | undefined {
    const list = this.pending.get(pair);
    const r = list?.shift();
    if (list && list.length === 0) this.pending.delete(pair);
    return r;
  }

  private waitOf(entries: readonly LedgerEntry[], k: ReturnType<typeof keysOf>, now: number, except: string | null): number {
    const failures = (key: string) => failuresOf(entries, key, this.rules.windowSeconds, now, except);
    return Math.max(this.locked(failures(k.pair), this.rules.perPair, now), this.locked(failures(k.address), this.rules.perAddress, now), this.slowed(failures(k.user), now));
  }

  /** Locked out: the wait doubles per failure past the allowance, up to the cap. */
  private locked(f: Failures | null, allowed: number, now: number): number {
    if (!f || f.count < allowed) return 0;
    const wait = Math.min(this.rules.maxWaitSeconds, this.rules.firstWaitSeconds * 2 ** (f.count - allowed));
    return Math.max(0, Math.ceil(f.last + wait - now));
  }

  /** Slowed down: one attempt per slowSeconds, however many failures. */
  private slowed(f: Failures | null, now: number): number {
    if (!f || f.count < this.rules.perUser) return 0;
    return Math.max(0, Math.ceil(f.last + this.rules.slowSeconds - now));
  }

  /** Reservations older than the window need no release (they no longer count). */
  private prune(now: number): void {
    for (const [pair, list] of this.pending) {
      const kept = list.filter((r) => now - r.at <= this.rules.windowSeconds);
      if (kept.length) this.pending.set(pair, kept);
      else this.pending.delete(pair);
    }
  }
}

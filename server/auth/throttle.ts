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

export class LoginThrottle {
  private failures = new Map<string, Failures>();

  constructor(private readonly rules: ThrottleRules = LOGIN_THROTTLE, private readonly clock: () => number = () => Date.now() / 1000) {}

  /**
   * Seconds to wait before this attempt may be checked, or 0: then the attempt is counted as a
   * failure at once (call `succeed` or `release` after the check when it was not one).
   */
  attempt(username: string, ip: string): number {
    const k = keysOf(username, ip);
    const wait = Math.max(this.locked(k.pair, this.rules.perPair), this.locked(k.address, this.rules.perAddress), this.slowed(k.user));
    if (wait > 0) return wait;
    const now = this.clock();
    for (const key of [k.pair, k.address, k.user]) {
      const f = this.current(key);
      this.failures.set(key, { count: (f?.count ?? 0) + 1, last: now });
    }
    if (this.failures.size > 100_000) this.prune();
    return 0;
  }

  /** The attempt was a successful sign-in: its pair starts afresh; the rest forget its reservation. */
  succeed(username: string, ip: string): void {
    const k = keysOf(username, ip);
    this.failures.delete(k.pair);
    this.uncount(k.address);
    this.uncount(k.user);
  }

  /** The attempt could not be checked (e.g. the database failed): it does not count. */
  release(username: string, ip: string): void {
    const k = keysOf(username, ip);
    for (const key of [k.pair, k.address, k.user]) this.uncount(key);
  }

  private uncount(key: string): void {
    const f = this.current(key);
    if (f && f.count > 1) this.failures.set(key, { ...f, count: f.count - 1 });
    else this.failures.delete(key);
  }

  private current(key: string): Failures | undefined {
    const f = this.failures.get(key);
    if (f && this.clock() - f.last > this.rules.windowSeconds) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }

  /** Locked out: the wait doubles per failure past the allowance, up to the cap. */
  private locked(key: string, allowed: number): number {
    const f = this.current(key);
    if (!f || f.count < allowed) return 0;
    const wait = Math.min(this.rules.maxWaitSeconds, this.rules.firstWaitSeconds * 2 ** (f.count - allowed));
    return Math.max(0, Math.ceil(f.last + wait - this.clock()));
  }

  /** Slowed down: one attempt per slowSeconds, however many failures. */
  private slowed(key: string): number {
    const f = this.current(key);
    if (!f || f.count < this.rules.perUser) return 0;
    return Math.max(0, Math.ceil(f.last + this.rules.slowSeconds - this.clock()));
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.current(key);
  }
}

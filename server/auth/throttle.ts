// Sign-in throttling against password guessing: after a few failures for a username (existing or
// not, so the answer reveals nothing) or from an address, further attempts wait, doubling each
// time up to a cap. Counts forget after the window; a successful sign-in clears the username's.
export interface ThrottleRules {
  /** failures allowed per username within the window before waiting */
  perUser: number;
  /** failures allowed per address within the window (password spraying across usernames) */
  perAddress: number;
  windowSeconds: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

export const LOGIN_THROTTLE: ThrottleRules = { perUser: 5, perAddress: 20, windowSeconds: 15 * 60, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };

interface Failures {
  count: number;
  first: number;
  last: number;
}

export class LoginThrottle {
  private failures = new Map<string, Failures>();

  constructor(private readonly rules: ThrottleRules = LOGIN_THROTTLE, private readonly clock: () => number = () => Date.now() / 1000) {}

  /** Seconds to wait before this attempt may be checked; 0 to go ahead. */
  wait(username: string, ip: string): number {
    return Math.max(this.waitFor(`u:${username}`, this.rules.perUser), this.waitFor(`a:${ip}`, this.rules.perAddress));
  }

  fail(username: string, ip: string): void {
    for (const key of [`u:${username}`, `a:${ip}`]) {
      const now = this.clock();
      const f = this.current(key);
      this.failures.set(key, f ? { ...f, count: f.count + 1, last: now } : { count: 1, first: now, last: now });
    }
    if (this.failures.size > 100_000) this.prune();
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private current(key: string): Failures | undefined {
    const f = this.failures.get(key);
    if (f && this.clock() - f.last > this.rules.windowSeconds) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }

  private waitFor(key: string, allowed: number): number {
    const f = this.current(key);
    if (!f || f.count < allowed) return 0;
    const wait = Math.min(this.rules.maxWaitSeconds, this.rules.firstWaitSeconds * 2 ** (f.count - allowed));
    return Math.max(0, Math.ceil(f.last + wait - this.clock()));
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.current(key);
  }
}

// The sign-in throttle and the rate limits, each run by the same tests on both ledgers: this
// process's memory and ClickHouse (VIGIL_SHARED_STATE=clickhouse, migration 0021, on the real
// embedded engine). Two throttles or limiters on one ledger stand for two Vigil servers. Expected
// waits are worked out by hand from the rules: 5 failures per pair, 20 per address, 50 per
// username then one checked attempt per 5 s; waits of 30 s doubling to 900 s; a 15-minute window.
// Clocks start near the real time: the ClickHouse ledger's rows live two days (TTL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { ClickHouseLedger, MemoryLedger, type SharedLedger } from '../db/sharedLedger.js';
import { LoginThrottle, LOGIN_THROTTLE } from './throttle.js';
import { RateLimiter } from './rateLimiter.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const BASE = Math.floor(Date.now() / 1000);

describe.each([
  ['in this process', (): SharedLedger => new MemoryLedger()],
  ['in ClickHouse', (): SharedLedger => new ClickHouseLedger(t.db)],
])('shared state %s', (_where, ledgerOf) => {
  it('locks a (username, address) pair after five failures, doubling the wait to a cap, and forgets after the window', async () => {
    let now = BASE;
    const throttle = new LoginThrottle(ledgerOf(), undefined, () => now);
    for (let i = 0; i < 5; i++) expect(await throttle.attempt('ana', '10.0.0.1')).toBe(0);
    expect(await throttle.attempt('ana', '10.0.0.1')).toBe(30);
    // the owner elsewhere is not locked out by someone else's guesses
    expect(await throttle.attempt('ana', '10.0.0.2')).toBe(0);
    await throttle.succeed('ana', '10.0.0.2');
    // 30 s, then 60, 120, 240, 480, and 960 capped at 900 (15 minutes)
    for (const wait of [30, 60, 120, 240, 480]) {
      now += wait;
      expect(await throttle.attempt('ana', '10.0.0.1')).toBe(0);
      expect(await throttle.attempt('ana', '10.0.0.1')).toBe(wait * 2 > 900 ? 900 : wait * 2);
    }
    now += 900 + 15 * 60 + 1; // the window passed since the last failure: counting starts again
    for (let i = 0; i < 5; i++) expect(await throttle.attempt('ana', '10.0.0.1')).toBe(0);
    expect(await throttle.attempt('ana', '10.0.0.1')).toBe(30);
  });

  it('limits one address across usernames, and slows (never locks) a username guessed from many addresses', async () => {
    let now = BASE + 10_000;
    const throttle = new LoginThrottle(ledgerOf(), undefined, () => now);
    for (let i = 0; i < 20; i++) expect(await throttle.attempt(`user${i}`, '10.9.9.9')).toBe(0);
    expect(await throttle.attempt('someone-else', '10.9.9.9')).toBe(30);
    expect(await throttle.attempt('someone-else', '10.0.0.4')).toBe(0);
    // 50 failures for bo from 50 addresses: then one checked attempt per 5 s, without doubling
    for (let i = 0; i < 50; i++) expect(await throttle.attempt('bo', `10.1.0.${i}`)).toBe(0);
    for (let round = 0; round < 10; round++) {
      expect(await throttle.attempt('bo', '10.2.0.1')).toBe(5);
      now += 5;
      expect(await throttle.attempt('bo', `10.3.0.${round}`)).toBe(0);
    }
  });

  it('counts an attempt from the moment it is reserved; a success clears only its pair, a release forgets it', async () => {
    const throttle = new LoginThrottle(ledgerOf(), undefined, () => BASE + 20_000);
    // five attempts in flight at once: the sixth waits before any of them is checked
    for (let i = 0; i < 5; i++) expect(await throttle.attempt('cy', '10.0.0.5')).toBe(0);
    expect(await throttle.attempt('cy', '10.0.0.5')).toBe(30);
    await throttle.succeed('cy', '10.0.0.5');
    expect(await throttle.attempt('cy', '10.0.0.5')).toBe(0);
    // attempts the database could not check do not count
    for (let i = 0; i < 30; i++) {
      expect(await throttle.attempt('dee', '10.0.0.6')).toBe(0);
      await throttle.release('dee', '10.0.0.6');
    }
  });

  it('counts failures on one server against the other: five per pair in all, not five each', async () => {
    let now = BASE + 30_000;
    const ledger = ledgerOf();
    const [one, two] = [new LoginThrottle(ledger, undefined, () => now), new LoginThrottle(ledger, undefined, () => now)];
    for (let i = 0; i < 3; i++) expect(await one.attempt('eve', '10.0.1.1')).toBe(0);
    for (let i = 0; i < 2; i++) expect(await two.attempt('eve', '10.0.1.1')).toBe(0);
    expect(await one.attempt('eve', '10.0.1.1')).toBe(30);
    expect(await two.attempt('eve', '10.0.1.1')).toBe(30);
    now += 30;
    expect(await two.attempt('eve', '10.0.1.1')).toBe(0);
    expect(await one.attempt('eve', '10.0.1.1')).toBe(60);
  });

  it('lets at most five of 40 simultaneous guesses, spread over two servers, reach the password check', async () => {
    const ledger = ledgerOf();
    const servers = [new LoginThrottle(ledger), new LoginThrottle(ledger)];
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => servers[i % 2]!.attempt('fay', '10.0.2.1')));
    const checked = waits.filter((w) => w === 0).length;
    expect(checked).toBeLessThanOrEqual(LOGIN_THROTTLE.perPair);
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('admits at most `burst` in any burst / rate seconds, and says when the oldest cost leaves the window', async () => {
    let now = BASE + 40_000;
    // 2 a second, bursts of 4: a window of 2 s
    const limiter = new RateLimiter(2, 4, ledgerOf(), 'test', () => now);
    for (let i = 0; i < 4; i++) expect(await limiter.take('u')).toBe(0);
    expect(await limiter.take('u')).toBe(2);
    expect(await limiter.take('other')).toBe(0);
    now += 1;
    expect(await limiter.take('u')).toBe(1);
    now += 1;
    for (let i = 0; i < 4; i++) expect(await limiter.take('u')).toBe(0);
    // a cost above the burst passes in an empty window (as the burst), then fills it
    expect(await limiter.take('v', 10)).toBe(0);
    expect(await limiter.take('v', 1)).toBe(2);
  });

  it('holds one rate limit across two servers under a concurrent burst', async () => {
    const ledger = ledgerOf();
    const servers = [new RateLimiter(0.5, 10, ledger, 'test'), new RateLimiter(0.5, 10, ledger, 'test')];
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => servers[i % 2]!.take('burst-user')));
    const admitted = waits.filter((w) => w === 0).length;
    expect(admitted).toBeLessThanOrEqual(10);
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(waits.filter((w) => w > 0).every((w) => w <= 20)).toBe(true);
  });
});

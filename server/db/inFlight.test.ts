// The in-flight limit: never more statements at the engine than allowed, first come first served,
// and a failed statement frees its slot.
import { describe, expect, it } from 'vitest';
import { InFlightLimit } from './inFlight.js';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const tick = () => new Promise((r) => setImmediate(r));

describe('InFlightLimit', () => {
  it('runs at most `limit` tasks at once, the others in arrival order', async () => {
    const limit = new InFlightLimit(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const done = gates.map((g, i) => limit.run(async () => {
      started.push(i);
      await g.promise;
      return i;
    }));
    const settled = Promise.allSettled(done);
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.reject(new Error('failed'));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.resolve();
    expect(await settled).toEqual([
      { status: 'rejected', reason: new Error('failed') },
      ...[1, 2, 3, 4].map((value) => ({ status: 'fulfilled', value })),
    ]);
    expect(limit.peak).toBe(2);
    // all slots are free again
    const again = await Promise.all([limit.run(async () => 'a'), limit.run(async () => 'b')]);
    expect(again).toEqual(['a', 'b']);
  });

  it('with a limit of 1, one task at a time', async () => {
    const limit = new InFlightLimit(1);
    let running = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 6 }, () => limit.run(async () => {
      most = Math.max(most, ++running);
      await tick();
      running--;
    })));
    expect(most).toBe(1);
  });
});

// Ingestion lanes, the same tests on each implementation: one writer at a time per lane, however
// many servers ask at once (two handles stand for two servers: the in-process lanes are one
// process's, so both handles are the same object), other lanes not held up, and a failed writer
// not blocking the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { ClickHouseLedger, MemoryLedger } from '../db/sharedLedger.js';
import { ProcessLanes, SharedLanes, type IngestLanes } from './lanes.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['in this process', (): [IngestLanes, IngestLanes] => { const l = new ProcessLanes(); return [l, l]; }],
  ['shared through a ledger in memory', (): [IngestLanes, IngestLanes] => { const ledger = new MemoryLedger(); return [new SharedLanes(ledger), new SharedLanes(ledger)]; }],
  ['shared through ClickHouse', (): [IngestLanes, IngestLanes] => [new SharedLanes(new ClickHouseLedger(t.db)), new SharedLanes(new ClickHouseLedger(t.db))]],
])('lanes %s', (_where, lanesOf) => {
  it('runs one writer at a time per lane, whichever server each asks', async () => {
    const [one, two] = lanesOf();
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const writer = (i: number) => async () => {
      inside++;
      most = Math.max(most, inside);
      await pause(5);
      order.push(i);
      inside--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).run('decisions', writer(i))));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(most).toBe(1);
    expect(order.sort((a, b) => a - b)).toEqual(results);
  });

  it('lets another lane write meanwhile, and a failed writer does not block the next', async () => {
    const [one, two] = lanesOf();
    let release: (() => void) | null = null;
    const held = one.run('scores', () => new Promise<void>((resolve) => (release = resolve)));
    while (!release) await pause(5); // the writer holds the lane
    // another lane is free while 'scores' is held
    expect(await two.run('labels', async () => 'written')).toBe('written');
    (release as () => void)();
    await held;
    await expect(one.run('scores', async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(await two.run('scores', async () => 'after')).toBe('after');
  });
});

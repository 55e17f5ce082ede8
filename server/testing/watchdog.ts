// Vitest setup file: a test stuck in synchronous code (an endless loop, a blocking call) blocks
// its worker's event loop, so Vitest's own timeouts never fire and the whole run waits forever
// — once, silently, until CI's 90 minutes ran out. A watchdog thread, which keeps running while
// the main thread is blocked, sees the heartbeat stop, names the test on stderr and ends the
// worker process, so the run goes on and reports that file as failed.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeEach, expect } from 'vitest';

/** Longer than any honest synchronous stretch in the suite (a few seconds at most); settable to test it. */
const BLOCKED_LIMIT_MS = Number(process.env.VIGIL_TEST_BLOCKED_LIMIT_MS ?? 90_000);

const WATCHDOG = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const beats = new Int32Array(workerData.beats);
let current = workerData.file, last = -1, since = Date.now();
parentPort.on('message', (name) => { current = name; });
setInterval(() => {
  const beat = Atomics.load(beats, 0);
  if (beat !== last) { last = beat; since = Date.now(); return; }
  if (Date.now() - since < workerData.limit) return;
  fs.writeSync(2, '\\nwatchdog: ' + current + ' blocked its event loop for ' + Math.round((Date.now() - since) / 1000) + ' s; ending this test file\\n');
  process.kill(process.pid, 'SIGKILL');
}, 1000);
`;

const beats = new SharedArrayBuffer(4);
const heartbeat = setInterval(() => Atomics.add(new Int32Array(beats), 0, 1), 1000);
heartbeat.unref();
const file = path.relative(process.cwd(), expect.getState().testPath ?? '');
const watchdog = new Worker(WATCHDOG, { eval: true, workerData: { beats, limit: BLOCKED_LIMIT_MS, file } });
watchdog.unref();

beforeEach((context) => {
  watchdog.postMessage(context.task.fullName);
});
afterAll(async () => {
  clearInterval(heartbeat);
  await watchdog.terminate();
});

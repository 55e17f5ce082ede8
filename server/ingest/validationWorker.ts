// A validation worker's thread (validationPool.ts): prepares each request it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { prepareRequest, type PrepareRequest } from './prepareRequest.js';

parentPort!.on('message', (m: { id: number; request: PrepareRequest }) => {
  let answer: { id: number; result?: unknown; error?: string };
  try {
    answer = { id: m.id, result: prepareRequest(m.request) };
  } catch (e) {
    answer = { id: m.id, error: (e as Error).message };
  }
  parentPort!.postMessage(answer);
});

// A validation worker (ingest/validationWorker.ts) that dies on a request whose body holds "die",
// as a worker would on a bug or out of memory: the pool and the route must fail that batch cleanly.
import { parentPort } from 'node:worker_threads';
import { prepareRequest, type PrepareRequest } from '../ingest/prepareRequest.js';

parentPort!.on('message', (m: { id: number; request: PrepareRequest }) => {
  if (m.request.text.includes('"die"')) process.exit(3);
  parentPort!.postMessage({ id: m.id, result: prepareRequest(m.request) });
});

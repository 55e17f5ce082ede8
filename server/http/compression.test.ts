// Compressed transport over real HTTP: hashed assets in brotli or gzip with immutable caching,
// index.html always revalidated, GraphQL answers compressed when the client accepts it. Raw
// responses are read with node:http (fetch would decode them silently).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { chooseEncoding } from './hashedAssets.js';

let t: TestDatabase;
let api: TestApi;
let clientDir: string;
// 20 kB of repetitive script: compresses well, as real bundles do
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = "some text ${i % 7}";`).join('\n');
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body>${'<p>Vigil</p>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(clientDir, 'index.html'), INDEX);
  t = await openTestDatabase();
  api = await startTestApi(t, { http: true, clientDir });
});
afterAll(async () => {
  await api.stop();
  await t.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

function raw(pathname: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(pathname, api.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hashed assets', () => {
  it('are sent in brotli when accepted, cached for a year as immutable', async () => {
    const r = await raw('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
    expect(r.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('are sent in gzip to a client without brotli, and as they are to one without either', async () => {
    const g = await raw('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(g.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(g.body).toString()).toBe(SCRIPT);
    const plain = await raw('/assets/app-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answer 304 to a revalidation with the tag of the same representation', async () => {
    const first = await raw('/assets/app-abc123.js', { 'accept-encoding': 'br' });
    const again = await raw('/assets/app-abc123.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await raw('/assets/app-abc123.js', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(other.status).toBe(200);
  });

  it('a missing asset is a 404 JSON answer', async () => {
    const r = await raw('/assets/nope-000.js', { 'accept-encoding': 'br' });
    expect(r.status).toBe(404);
  });
});

describe('index.html and answers', () => {
  it('index.html is always revalidated, and compressed', async () => {
    const r = await raw('/overview', { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(r.body).toString()).toBe(INDEX);
    const direct = await raw('/index.html');
    expect(direct.headers['cache-control']).toBe('no-cache');
  });

  it('GraphQL answers are compressed when the client accepts it', async () => {
    const cookie = await api.signIn('admin', 'correct horse battery staple');
    const query = JSON.stringify({ query: '{ catalogue { metrics { id label definition } } }' });
    for (const [accept, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
      const r = await raw('/graphql', { 'content-type': 'application/json', cookie, 'accept-encoding': accept }, query);
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(accept);
      expect(r.headers['cache-control']).toBe('no-store');
      const body = JSON.parse(decode(r.body).toString());
      expect(body.data.catalogue.metrics.length).toBeGreaterThan(10);
    }
    const plain = await raw('/graphql', { 'content-type': 'application/json', cookie }, query);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).data.catalogue.metrics.length).toBeGreaterThan(10);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

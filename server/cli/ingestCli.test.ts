// `npm run ingest` into the embedded engine: a large gzip file in batches, killed half-way and
// resumed without double counting; a bad line stops it with the line number, keeping what was stored.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../log.js';
import { streamByName } from '../ingest/streams.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-ingest-cli-'));
const dataDir = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const example = streamByName.get('qa-audits')!.example;
const line = (i: number) => JSON.stringify({ ...example, audit_id: `cli-${i}` });
const env = { ...process.env, VIGIL_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
const args = (file: string) => ['--import', 'tsx', 'server/cli/ingest.ts', 'qa-audits', file, '--batch', '1000'];

async function stored(): Promise<{ rows: number; distinct: number; rolled: number }> {
  const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 60, maxResultRows: 1000 }, createLogger('silent'));
  try {
    const one = async (sql: string) => Number((await db.select<{ n: string }>('test.count', sql))[0]!.n);
    return {
      rows: await one('SELECT count() AS n FROM qa_audits'),
      distinct: await one('SELECT uniqExact(audit_id) AS n FROM qa_audits'),
      rolled: await one('SELECT sum(audited) AS n FROM qa_audits_hourly'),
    };
  } finally {
    await db.close();
  }
}

describe('npm run ingest', () => {
  it('resumes after being killed, and ends with every event once', async () => {
    const file = path.join(dir, 'audits.ndjson.gz');
    fs.writeFileSync(file, gzipSync(Array.from({ length: 12_000 }, (_, i) => line(i)).join('\n')));
    // first run: killed once three batches are stored
    const first = spawn(process.execPath, args(file), { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let progress = '';
    await new Promise<void>((resolve) => {
      first.stderr.on('data', (d) => {
        progress += d;
        if (/ [3-9] batches/.test(progress) && first.exitCode === null) first.kill('SIGKILL');
      });
      first.once('exit', () => resolve());
    });
    expect(fs.existsSync(`${file}.vigil-progress`)).toBe(true);
    const partial = await stored();
    expect(partial.rows).toBeGreaterThanOrEqual(3000);
    expect(partial.rows).toBeLessThan(12_000);

    const second = spawnSync(process.execPath, args(file), { env, encoding: 'utf8', timeout: 120_000 });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/resuming after line \d+000/);
    expect(fs.existsSync(`${file}.vigil-progress`)).toBe(false);
    expect(await stored()).toEqual({ rows: 12_000, distinct: 12_000, rolled: 12_000 });
  });

  it('stops at a bad line, saying which, and keeps the batches before it', async () => {
    const file = path.join(dir, 'bad.ndjson');
    const lines = Array.from({ length: 2500 }, (_, i) => line(20_000 + i));
    lines[1499] = JSON.stringify({ ...example, audit_id: 'cli-bad', passed: 'maybe' });
    fs.writeFileSync(file, lines.join('\n'));
    const run = spawnSync(process.execPath, args(file), { env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the batch starting at line 1001 was rejected and not stored:\n  line 1500, passed: must be true or false/);
    expect(JSON.parse(fs.readFileSync(`${file}.vigil-progress`, 'utf8'))).toEqual({ line: 1000 });
    expect((await stored()).rows).toBe(12_000 + 1000);
  });
});

// `npm run bench` works end to end at a tiny scale: it seeds a data folder, asks the Overview's
// requests, and prints its table. Times are never asserted (the machine is shared).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-')), 'data');
afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

describe('npm run bench', () => {
  it('seeds a tiny demo and prints every figure of the table', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/bench.ts', '--scale', '0.01', '--days', '14', '--repeat', '1', '--users', '2', '--data', dataDir, '--ingest-size', '200'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/demo scale 0\.01, 14 days, seeded in [\d.]+ s/);
    for (const line of [
      /^catalogue +[\d.]+ ms +[\d.]+ ms$/m,
      /^kpis: 14 headlines vs previous period +[\d.]+ ms +[\d.]+ ms$/m,
      /^series: decisions by policy +[\d.]+ ms/m,
      /^breakdown: recall by policy +[\d.]+ ms/m,
      /^Overview API work, cold \(p50 \/ p95\) +[\d.]+ ms \/ [\d.]+ ms +p95 ≤ 600 ms$/m,
      /^Overview API work, warm \(p50 \/ p95\) +[\d.]+ ms \/ [\d.]+ ms +p95 ≤ 60 ms$/m,
      /^2 people, same Overview at once +p50 [\d.]+ ms, p95 [\d.]+ ms, all in [\d.]+ ms, 0 errors/m,
      /^2 people across 10 views \(regions × 28\/7 d\) +p50 [\d.]+ ms, p95 [\d.]+ ms, all in [\d.]+ ms, 0 errors/m,
      /^peak RSS of this process \(engine included\) +\d+ MB +≤ 1\.5 GB$/m,
      /^2 people, same Overview, 4 producers writing 1 batch\/s +p50 [\d.]+ ms, p95 [\d.]+ ms \([\d.]+× without\), 0 errors, \d+ batches of 1,000 stored meanwhile, \d+ statements \(\d+ without\)/m,
      /^one person reloading the Overview for 8 s meanwhile +\d+ loads, [\d.]+ engine statements per load \(\d+ in all\)/m,
      /^series: review_sla by region +raw +[\d.]+ ms +rollup +[\d.]+ ms +[\d.]+×$/m,
      /^raw ÷ rollup, smallest over the panels +[\d.]+× +≥ 40×$/m,
      /^ingestion over HTTP, 4 producers, batches of 200 +[\d,]+ rows\/s/m,
      /^ingestion in the engine \(INSERT … SELECT, same table and views\) +[\d,]+ rows\/s/m,
    ]) expect(r.stdout).toMatch(line);
    // a second run reuses the folder
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/bench.ts', '--scale', '0.01', '--days', '14', '--repeat', '1', '--users', '1', '--data', dataDir, '--no-ingest'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`reused ${dataDir}`);
  }, 500_000);
});

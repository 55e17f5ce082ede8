// `npm run sizing` refuses a bad option with one line and exit code 1, before opening anything.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run sizing', () => {
  it.each([
    [['--scale', 'abc'], 'vigil sizing: --scale abc: expected a number from 0.001 to 50'],
    [['--ingest-rows', '10'], 'vigil sizing: --ingest-rows 10: expected a number from 1000 to 1000000'],
  ])('refuses %o', (args, message) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/sizing.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(message);
  });
});

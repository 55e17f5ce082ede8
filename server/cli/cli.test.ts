// Start-up failures give one clear line on stderr and a non-zero exit, and change nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function migrateWith(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/migrate.ts'], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr.trim() };
}

describe('command-line failures', () => {
  it('a data folder whose parent does not exist', () => {
    const r = migrateWith({ VIGIL_DATA_DIR: '/nonexistent-vigil/data' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'vigil migrate: Data folder /nonexistent-vigil/data cannot be created: its parent /nonexistent-vigil does not exist. Create it or set VIGIL_DATA_DIR to another folder.',
    );
  });

  it('a data folder that is a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-')), 'not-a-folder');
    fs.writeFileSync(file, '');
    const r = migrateWith({ VIGIL_DATA_DIR: file });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^vigil migrate: Data folder .* is a file, not a folder\. Set VIGIL_DATA_DIR to a folder\.$/);
  });

  it('a ClickHouse server that does not answer', () => {
    const r = migrateWith({ CLICKHOUSE_URL: 'http://127.0.0.1:9' });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vigil migrate: ClickHouse at http:\/\/127\.0\.0\.1:9 did not answer \(.+\)\. Check CLICKHOUSE_URL/);
  });

  it('a setting with a bad value', () => {
    const r = migrateWith({ VIGIL_QUERY_TIMEOUT_S: 'soon' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vigil migrate: VIGIL_QUERY_TIMEOUT_S=soon is not valid: expected a whole number from 1 to 3600.');
  });
});

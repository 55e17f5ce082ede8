// `npm run dsa:report`: wrong arguments give one line and exit 1; on a demo with the planted trap
// the checks refuse the export (exit 2, the failing rule and its cells on stdout, nothing written)
// until --override gives a reason, and then the eleven files are written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dsa-cli-'));
const data = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', VIGIL_DATA_DIR: data },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}
const report = (...args: string[]) => cli('server/cli/dsaReport.ts', ['--from', '2026-01-01', '--to', '2026-06-30', '--service', 'vigil-video', ...args]);

describe('npm run dsa:report', () => {
  it('refuses wrong arguments with one line', () => {
    expect(report('--format', 'pdf', '--out', dir)).toMatchObject({ status: 1, stderr: 'vigil dsa:report: --format pdf: expected csv or xlsx' });
    expect(cli('server/cli/dsaReport.ts', ['--from', '2026-02-30', '--to', '2026-06-30', '--out', dir])).toMatchObject({
      status: 1, stderr: 'vigil dsa:report: from "2026-02-30": expected a date like 2025-07-01',
    });
    expect(report('--out', dir, '--override', ' ')).toMatchObject({ status: 1, stderr: 'vigil dsa:report: --override needs a reason' });
  });

  it('blocks the demo report on its planted trap, and writes it with an override', { timeout: 1_200_000 }, () => {
    expect(cli('server/cli/seed.ts', ['--days', '7', '--scale', '0.01', '--end', '2026-07-01']).status).toBe(0);
    const out = path.join(dir, 'report');
    const refused = report('--out', out);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/^FAIL {2}categories-add-up \(\d+ cells\)\n {6}part 6 F2 {2}TOTAL · Number of measures taken at the provider's own initiative: categories add up to \d+, the total is \d+$/m);
    expect(refused.stdout).toMatch(/^pass {2}parts-agree$/m);
    expect(refused.stderr).toMatch(/checks failed, nothing written/);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    const written = report('--out', out, '--override', 'v1 rows reclassified next period');
    expect(written.status).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(11);
  });
});

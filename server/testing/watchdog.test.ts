// The watchdog turns a test stuck in synchronous code, which would hold the whole run until CI's
// limit, into a failure that names the test: run a spinning fixture under it in a child Vitest.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runVitest(config: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', config], {
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the test watchdog', () => {
  it('ends a test file whose test blocks the event loop, naming the test, and the run fails', async () => {
    const { code, output } = await runVitest('server/testing/fixtures/watchdog.vitest.config.ts', { VIGIL_TEST_BLOCKED_LIMIT_MS: '3000' });
    expect(output).toMatch(/watchdog: server\/testing\/fixtures\/spins\.fixture\.ts > spins forever blocked its event loop for \d+ s; ending this test file/);
    expect(code).not.toBe(0);
  });
});

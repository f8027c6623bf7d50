import { describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/main.js';

// A bug in the core must reach the user as one line, not as a stack trace.
vi.mock('../src/core/gate.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/core/gate.js')>()),
  runGate: () => {
    throw new TypeError(
      "Cannot read properties of undefined (reading 'x')\n    at fake (gate.ts:1:1)",
    );
  },
}));

async function capture(env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(['check', '--solution', 'anything'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: '/',
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('cli: internal errors', () => {
  it('prints one line with a hint to report it, and exits 2', async () => {
    const { code, stdout, stderr } = await capture({});
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^connref-gate: internal error: Cannot read properties[^\n]*report it[^\n]*\n$/,
    );
  });

  it('adds the stack only when CONNREF_GATE_DEBUG is set', async () => {
    const { stderr } = await capture({ CONNREF_GATE_DEBUG: '1' });
    expect(stderr.split('\n').length).toBeGreaterThan(2);
    expect(stderr).toContain('TypeError');
  });
});

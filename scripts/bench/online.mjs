// The online stage's case: the same check with and without a target environment, the loopback
// fake of the tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGET_ONLINE_MS } from './cases.mjs';
import { baseEnv } from './harness.mjs';
import { kib2mib, measuredFields } from './results.mjs';

/**
 * The online stage (SPEC section 6) against the loopback fake in a process of its own
 * (scripts/bench-online-fake.mjs): the large zip's 500 bound references among 2,000 connections in
 * pages of 100, 20 ms per request. The target: at most 1.5 s over the same check offline, and
 * no more Power Apps requests than the listing's pages plus one per bound connection whose
 * permissions the listing does not embed.
 * @param {import('./cases.mjs').Bench} bench
 * @param {import('./inputs.mjs').Inputs} inputs
 */
export function onlineCase(bench, { large }) {
  const { quick, work, root, harness, results } = bench;
  const label = quick
    ? 'online stage (quick: 200 connections in pages of 50, 20 ms per request)'
    : `online stage: ${large.counts.connectionReferences} bound references, 2,000 connections in pages of 100, 20 ms per request`;
  const dir = join(work, 'online');
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'config.json');
  const readyPath = join(dir, 'ready.json');
  rmSync(readyPath, { force: true });
  const pageSize = quick ? 50 : 100;
  const connections = quick ? 200 : 2000;
  writeFileSync(
    configPath,
    JSON.stringify({ settingsPath: large.settingsPath, connections, pageSize, latencyMs: 20 }),
  );
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'bench-online-fake.mjs'), configPath, readyPath],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const waitUntil = Date.now() + 30_000;
    while (!existsSync(readyPath) && Date.now() < waitUntil) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
    if (!existsSync(readyPath)) {
      results.skip('online', label, 'the fake did not start within 30 s');
      results.broken = true;
      return;
    }
    const ready = JSON.parse(readFileSync(readyPath, 'utf8'));
    const stats = (/** @type {boolean} */ reset) => {
      const r = spawnSync(
        harness.nodeBin,
        [
          '-e',
          `fetch(${JSON.stringify(`${ready.statsUrl}${reset ? '?reset' : ''}`)}).then((r) => r.text()).then((t) => process.stdout.write(t))`,
        ],
        {
          env: { ...baseEnv, NODE_EXTRA_CA_CERTS: ready.env.NODE_EXTRA_CA_CERTS },
          encoding: 'utf8',
        },
      );
      return JSON.parse(r.stdout || '{}');
    };
    const zip = /** @type {string} */ (large.zipPath);
    const offline = harness.checkCommand(zip, large.settingsPath);
    /** @type {import('./harness.mjs').Command} */
    const withTarget = {
      ...offline,
      args: [...offline.args, '--environment', ready.environmentUrl],
      env: ready.env,
    };
    harness.announce(label);
    const { baseline: b, tool: t } = harness.measure({ baseline: offline, tool: withTarget });
    // One more run, counted, whose report must show every bound reference found.
    stats(true);
    const report = /** @type {any} */ (
      JSON.parse(harness.runOnce(withTarget, { stdout: 'pipe' }).stdout ?? '{}')
    );
    const counted = stats(true);
    const found = (report.solutions?.[0]?.connectionReferences ?? []).filter(
      (/** @type {any} */ r) => r.target?.connection === 'found',
    ).length;
    const online = (report.findings ?? []).filter((/** @type {any} */ f) =>
      /^(CR01[2-6]|EV00[67]|OL001)$/.test(f.ruleId),
    );
    const allowed = counted.listingPages + ready.boundWithoutEmbeddedPermissions;
    let error = t.error ?? (b.error ? `baseline: ${b.error}` : undefined);
    if (!error && found !== ready.bound)
      error = `${found} of ${ready.bound} references found in the target`;
    if (!error && online.length > 0)
      error = `online findings: ${online.map((/** @type {any} */ f) => f.ruleId).join(', ')}`;
    if (!error && counted.violations > 0)
      error = `${counted.violations} requests that were not read-only`;
    const over = t.median - b.median;
    results.add({
      id: 'online',
      label,
      baseline: 'the same check offline',
      ...measuredFields(b, t, error),
      target: `≤ +${TARGET_ONLINE_MS / 1000} s, ≤ ${allowed} Power Apps requests`,
      baselineRssMiB: kib2mib(b.rssKiB),
      result: error
        ? 'ERR'
        : over <= TARGET_ONLINE_MS && counted.powerApps <= allowed
          ? 'PASS'
          : 'MISS',
      note:
        error ??
        `+${(over / 1000).toFixed(2)} s over offline; ${counted.powerApps} Power Apps requests (${counted.listingPages} listing pages, ${counted.permissions} permissions), ${counted.dataverse} Dataverse, ${counted.tokens} token; ${found} of ${ready.bound} references found among ${ready.connections} connections`,
    });
  } finally {
    child.kill('SIGTERM');
  }
}

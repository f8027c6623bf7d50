#!/usr/bin/env node
// The loopback fake of test/fixtures/online for `npm run bench` (the online case), in a process of
// its own: the bench times the CLI with spawnSync, which blocks its own event loop.
//
//   node scripts/bench-online-fake.mjs CONFIG.json READY.json
//
// CONFIG: {settingsPath, connections, pageSize, latencyMs}. The settings' references are bound to
// connections of the target (half owned by the signing-in application, half shared with it, the
// permissions embedded as the admin listing embeds them), and more connections fill the listing
// up to `connections`. Once listening it writes READY: the endpoints, the CA file, the credential
// and `statsUrl`, where GET answers the requests counted since the last GET of `${statsUrl}?reset`.
// It stops by itself after 30 minutes, or on SIGTERM.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { setTimeout } from 'node:timers';
import { FakeOnline } from '../test/fixtures/online/fake-online.mjs';

const [configPath, readyPath] = process.argv.slice(2);
if (!configPath || !readyPath) {
  console.error('usage: bench-online-fake.mjs CONFIG.json READY.json');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const settings = JSON.parse(readFileSync(config.settingsPath, 'utf8'));

const fake = new FakeOnline({ pageSize: config.pageSize, latencyMs: config.latencyMs });
await fake.start();
const secret = `bench-${createHash('sha256').update(String(Date.now())).digest('hex').slice(0, 16)}`;
const app = fake.addApp({ secret });
const maker = '11111111-2222-4333-8444-555555555555';
const apiOf = (/** @type {string} */ connectorId) =>
  connectorId.slice(connectorId.lastIndexOf('/') + 1);

/** @type {import('../test/fixtures/online/fake-online.d.mts').FakeConnection[]} */
const connections = [];
const bound = settings.ConnectionReferences ?? [];
bound.forEach((/** @type {{ConnectionId: string, ConnectorId: string}} */ entry, index) => {
  connections.push(
    index % 2 === 0
      ? {
          name: entry.ConnectionId,
          api: apiOf(entry.ConnectorId),
          createdBy: app.objectId,
          createdByType: 'ServicePrincipal',
        }
      : {
          name: entry.ConnectionId,
          api: apiOf(entry.ConnectorId),
          createdBy: maker,
          permissions: [
            { principalId: app.objectId, type: 'ServicePrincipal', role: 'CanViewWithShare' },
          ],
        },
  );
});
for (let i = connections.length; i < config.connections; i++) {
  const name = createHash('md5').update(`other-${i}`).digest('hex');
  connections.push({ name, api: 'shared_office365', createdBy: maker });
}
// The bound ones spread over the pages, not all on the first.
fake.state.connections = connections
  .map((connection, i) => ({ connection, key: createHash('md5').update(String(i)).digest('hex') }))
  .sort((a, b) => (a.key < b.key ? -1 : 1))
  .map(({ connection }) => connection);

// Counts, on a server of their own so that they are not counted themselves.
let since = 0;
const stats = createServer({ key: fake.tlsKey, cert: fake.tlsCert }, (req, res) => {
  const requests = fake.requests.slice(since);
  if ((req.url ?? '').includes('reset')) since = fake.requests.length;
  const count = (/** @type {(r: {server: string, route: string}) => boolean} */ test) =>
    requests.filter(test).length;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      powerApps: count((r) => r.server === 'powerApps'),
      listingPages: count(
        (r) => r.route === 'admin-connections' || r.route === 'caller-connections',
      ),
      permissions: count((r) => r.route === 'permissions'),
      dataverse: count((r) => r.server === 'dataverse'),
      tokens: count((r) => r.route === 'token'),
      foreign: count((r) => r.server === 'foreign'),
      violations: fake.violations().length,
    }),
  );
});
await new Promise((resolve) => stats.listen(0, '127.0.0.1', () => resolve(undefined)));
const statsPort = /** @type {import('node:net').AddressInfo} */ (stats.address()).port;

writeFileSync(
  readyPath,
  JSON.stringify({
    env: {
      ...fake.env(),
      AZURE_TENANT_ID: fake.state.tenantId,
      AZURE_CLIENT_ID: app.clientId,
      AZURE_CLIENT_SECRET: secret,
    },
    environmentUrl: fake.environmentUrl,
    statsUrl: `https://127.0.0.1:${statsPort}/stats`,
    boundWithoutEmbeddedPermissions: 0,
    bound: bound.length,
    connections: connections.length,
  }),
);

const stop = async () => {
  stats.close();
  await fake.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
setTimeout(stop, 30 * 60 * 1000).unref();

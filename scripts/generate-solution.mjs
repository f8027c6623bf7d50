#!/usr/bin/env node
// Generates Dataverse solutions shaped like real exports, for the benchmark (scripts/bench.mjs)
// and the tests (test/bench.test.ts). Plain ESM with JSDoc types so both can import it without a
// build step; the types for TypeScript callers are in generate-solution.d.mts.
//
// Shapes follow ../shared/FORMAT-NOTES.md: an exported zip (root solution.xml, customizations.xml
// holding <Workflows>, <CanvasApps> and <connectionreferences>, Workflows/*.json, CanvasApps/*.msapp,
// environmentvariabledefinitions/<schema>/…, [Content_Types].xml), the same solution in
// SolutionPackager layout (Other/Solution.xml, Other/Customizations.xml with empty <Workflows />,
// Workflows/*.json + .json.data.xml, CanvasApps/*.meta.xml), and a pac deployment-settings file
// that binds every connection reference and environment variable.
//
// Everything is deterministic for a given seed: names and GUIDs come from a seeded PRNG, media is
// an AES-CTR keystream keyed by the seed (incompressible and fast), zip timestamps are fixed.
// Zips are written by a small streaming writer on node:zlib: media is STOREd, the rest deflated.
import { Buffer } from 'node:buffer';
import { createCipheriv, createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';

/** Bumped whenever the output for the same options changes (invalidates bench caches). */
export const GENERATOR_VERSION = 1;

export const MiB = 1024 * 1024;

/**
 * @typedef {object} SolutionOptions
 * @property {string} [uniqueName] Solution unique name. Default 'ConnrefBenchLarge'.
 * @property {number} [seed] PRNG seed. Default 1.
 * @property {number} [poolSeed] Seed for connection-reference and environment-variable identities
 *   (logical names, connectors). Solutions generated with the same poolSeed and counts share them,
 *   so one settings file binds them all. Default: seed.
 * @property {number} [flows] Cloud flows. Default 2000.
 * @property {number} [connectionReferences] `<connectionreference>` elements. Default 500.
 * @property {number} [canvasApps] Canvas apps. Default 20.
 * @property {number} [mediaBytesPerApp] Size of each app's .msapp (incompressible). Default 10 MiB.
 * @property {number} [environmentVariables] Environment variable definitions. Default 100.
 * @property {string} [zipPath] Write the exported zip here.
 * @property {string} [unpackedDir] Write the SolutionPackager layout into this folder (emptied first).
 * @property {string} [settingsPath] Write the deployment-settings JSON here.
 */

/**
 * @typedef {object} GeneratedSolution
 * @property {string} uniqueName
 * @property {string} [zipPath]
 * @property {string} [unpackedDir]
 * @property {string} [settingsPath]
 * @property {{flows: number, utf16Flows: number, flowConnections: number, connectionReferences: number,
 *   canvasApps: number, environmentVariables: number, environmentVariableValues: number,
 *   mediaBytes: number}} counts
 * @property {string[]} zipEntries Entry names of the zip, in order.
 * @property {string[]} unpackedFiles Files of the unpacked folder, relative, forward slashes, sorted.
 * @property {string[]} connectionReferenceNames
 * @property {string[]} environmentVariableNames
 * @property {DeploymentSettings} settings
 */

/**
 * @typedef {object} DeploymentSettings
 * @property {{SchemaName: string, Value: string}[]} EnvironmentVariables
 * @property {{LogicalName: string, ConnectionId: string, ConnectorId: string}[]} ConnectionReferences
 */

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for names and choices. */
class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** @returns {number} in [0, 1) */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** @param {number} n @returns {number} integer in [0, n) */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** @param {number} lo @param {number} hi @returns {number} integer in [lo, hi] */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return /** @type {T} */ (items[this.int(items.length)]);
  }
  /** @param {number} length @returns {string} lower-case hex */
  hex(length) {
    let out = '';
    while (out.length < length)
      out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
  /** @returns {string} lower-case GUID with dashes */
  guid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

/**
 * Incompressible, deterministic bytes: the AES-256-CTR keystream under a key derived from `label`.
 * @param {string} label
 * @param {number} length
 * @returns {Buffer}
 */
export function seededBytes(label, length) {
  const key = createHash('sha256').update(label).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const out = Buffer.allocUnsafe(length);
  const chunk = 4 * MiB;
  const zeros = Buffer.alloc(Math.min(chunk, length));
  for (let at = 0; at < length; at += chunk) {
    const n = Math.min(chunk, length - at);
    cipher.update(n === zeros.length ? zeros : zeros.subarray(0, n)).copy(out, at);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Zip writing

/** @type {(data: Buffer, value?: number) => number} */
const crc32 =
  typeof zlib.crc32 === 'function'
    ? (data, value = 0) => zlib.crc32(data, value)
    : (() => {
        // Node < 20.15 has no zlib.crc32.
        const table = new Int32Array(256);
        for (let n = 0; n < 256; n++) {
          let c = n;
          for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          table[n] = c;
        }
        return (data, value = 0) => {
          let c = ~value;
          for (let i = 0; i < data.length; i++)
            c =
              /** @type {number} */ (table[(c ^ /** @type {number} */ (data[i])) & 0xff]) ^
              (c >>> 8);
          return ~c >>> 0;
        };
      })();

// 2024-01-15 10:30:00 in DOS format: fixed so the output is byte-for-byte reproducible.
const DOS_TIME = (10 << 11) | (30 << 5);
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15;

/** A minimal zip writer (no zip64: every offset and size must stay under 4 GiB). */
class ZipWriter {
  /** @param {(chunk: Buffer) => void} write */
  constructor(write) {
    this.write = write;
    this.offset = 0;
    /** @type {{name: Buffer, crc: number, method: number, csize: number, usize: number, offset: number}[]} */
    this.records = [];
  }

  /**
   * @param {string} name entry name (use backslashes inside .msapp, like Power Apps does)
   * @param {Buffer} data
   * @param {{store?: boolean}} [options] store: no compression (media)
   */
  add(name, data, options = {}) {
    const nameBuf = Buffer.from(name, 'utf8');
    const method = options.store ? 0 : 8;
    const body = options.store ? data : zlib.deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    if (this.offset + 30 + nameBuf.length + body.length > 0xffffffff) {
      throw new Error('generated zip would need zip64 (over 4 GiB); lower the media size');
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    header.writeUInt16LE(0, 28);
    this.records.push({
      name: nameBuf,
      crc,
      method,
      csize: body.length,
      usize: data.length,
      offset: this.offset,
    });
    this.emit(header);
    this.emit(nameBuf);
    this.emit(body);
  }

  /** @param {Buffer} chunk */
  emit(chunk) {
    this.write(chunk);
    this.offset += chunk.length;
  }

  finish() {
    const start = this.offset;
    for (const r of this.records) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(r.method, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(r.crc, 16);
      c.writeUInt32LE(r.csize, 20);
      c.writeUInt32LE(r.usize, 24);
      c.writeUInt16LE(r.name.length, 28);
      c.writeUInt32LE(r.offset, 42);
      this.emit(c);
      this.emit(r.name);
    }
    if (this.records.length > 0xfffe)
      throw new Error('generated zip would need zip64 (too many entries)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.emit(end);
  }
}

/**
 * Writes a zip to a file with buffered synchronous writes.
 * @param {string} path
 * @param {(zip: ZipWriter) => void} fill
 */
function writeZipFile(path, fill) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  /** @type {Buffer[]} */
  let pending = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const all =
      pending.length === 1
        ? /** @type {Buffer} */ (pending[0])
        : Buffer.concat(pending, pendingBytes);
    let done = 0;
    while (done < all.length) done += writeSync(fd, all, done, all.length - done);
    pending = [];
    pendingBytes = 0;
  };
  try {
    const zip = new ZipWriter((chunk) => {
      if (chunk.length >= MiB) {
        flush();
        let done = 0;
        while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
        return;
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= MiB) flush();
    });
    fill(zip);
    zip.finish();
    flush();
  } finally {
    closeSync(fd);
  }
  // renamed last, so an interrupted run never leaves a complete-looking zip behind
  renameSync(tmp, path);
}

/**
 * Builds a .msapp: a zip (backslash entry names, like real ones) around `size` bytes, nearly all of
 * it one stored random image.
 * @param {string} appName
 * @param {number} size
 * @param {string} label seed label
 * @returns {Buffer}
 */
function buildMsapp(appName, size, label) {
  /** @type {Buffer[]} */
  const parts = [];
  const zip = new ZipWriter((chunk) => parts.push(chunk));
  zip.add(
    'Header.json',
    Buffer.from(
      JSON.stringify({
        DocVersion: '1.346',
        MinVersionToLoad: '1.331',
        MSAppStructureVersion: '2.0',
        LastSavedDateTimeUTC: '01/15/2024 10:30:00',
      }),
    ),
  );
  zip.add(
    'Properties.json',
    Buffer.from(
      JSON.stringify({ Name: appName, Id: label, FileID: label, LocalConnectionReferences: '{}' }),
    ),
  );
  zip.add('References\\DataSources.json', Buffer.from(JSON.stringify({ DataSources: [] })));
  zip.add(
    'Controls\\1.json',
    Buffer.from(JSON.stringify({ TopParent: { Name: 'App', Children: [] } })),
  );
  const mediaSize = Math.max(0, size - 1024);
  zip.add(
    `Assets\\Images\\${createHash('md5').update(label).digest('hex')}.png`,
    seededBytes(`${label}/media`, mediaSize),
    {
      store: true,
    },
  );
  zip.finish();
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Content

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Standard connectors: [api name, display name, operations]. */
const CONNECTORS = /** @type {const} */ ([
  ['shared_office365', 'Office 365 Outlook', ['SendEmailV2', 'GetEmailsV3', 'CreateEvent_V4']],
  [
    'shared_sharepointonline',
    'SharePoint',
    ['GetItems', 'PostItem', 'PatchItem', 'GetFileContent'],
  ],
  [
    'shared_commondataserviceforapps',
    'Microsoft Dataverse',
    ['ListRecords', 'CreateRecord', 'UpdateRecord'],
  ],
  ['shared_teams', 'Microsoft Teams', ['PostMessageToConversation', 'GetAllTeams']],
  ['shared_approvals', 'Approvals', ['StartAndWaitForAnApproval', 'CreateAnApproval']],
  ['shared_office365users', 'Office 365 Users', ['UserProfile_V2', 'Manager_V2']],
  ['shared_excelonlinebusiness', 'Excel Online (Business)', ['GetItems', 'AddRowV2']],
  ['shared_onedriveforbusiness', 'OneDrive for Business', ['CreateFile', 'GetFileContent']],
  ['shared_sql', 'SQL Server', ['GetItems_V2', 'ExecutePassThroughNativeQuery_V2']],
  ['shared_azureblob', 'Azure Blob Storage', ['CreateFile_V2', 'GetFileContent_V2']],
  ['shared_planner', 'Planner', ['CreateTask_V3', 'ListTasks']],
  ['shared_servicebus', 'Service Bus', ['SendMessage', 'GetMessagesFromQueue']],
  ['shared_webcontents', 'HTTP with Microsoft Entra ID (preauthorized)', ['InvokeHttp']],
  ['shared_keyvault', 'Azure Key Vault', ['GetSecret']],
  ['shared_flowmanagement', 'Power Automate Management', ['ListMyFlows']],
  ['shared_powerappsforadmins', 'Power Apps for Admins', ['Get-AdminApps']],
]);

const VERBS = [
  'Sync',
  'Notify',
  'Archive',
  'Approve',
  'Import',
  'Export',
  'Escalate',
  'Clean up',
  'Report',
  'Route',
];
const OBJECTS = [
  'Orders',
  'Invoices',
  'Incidents',
  'Leave Requests',
  'Assets',
  'Contracts',
  'Tickets',
  'Expenses',
  'Vendors',
  'Timesheets',
];

/** @param {string} text */
function xmlEscape(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Identities shared by all solutions built from the same pool seed.
 * @param {number} poolSeed
 * @param {number} refCount
 * @param {number} varCount
 */
function buildPool(poolSeed, refCount, varCount) {
  const rng = new Rng(poolSeed * 7919 + 17);
  const refs = [];
  const usedNames = new Set();
  for (let i = 0; i < refCount; i++) {
    const connector = /** @type {(typeof CONNECTORS)[number]} */ (
      CONNECTORS[i % CONNECTORS.length]
    );
    let suffix;
    let logicalName;
    do {
      suffix = rng.hex(5);
      logicalName = `cgb_${connector[0].replace(/_/g, '')}_${suffix}`;
    } while (usedNames.has(logicalName));
    usedNames.add(logicalName);
    refs.push({
      logicalName,
      api: connector[0],
      displayName: `${connector[1]} ConnrefBench-${suffix}`,
      connectorId: `/providers/Microsoft.PowerApps/apis/${connector[0]}`,
      operations: connector[2],
      connectionId: rng.hex(32),
    });
  }
  const types = /** @type {const} */ (['100000000', '100000001', '100000002', '100000003']);
  const vars = [];
  for (let i = 0; i < varCount; i++) {
    const type = /** @type {(typeof types)[number]} */ (types[i % types.length]);
    const schemaName = `cgb_BenchVariable${String(i + 1).padStart(3, '0')}`;
    /** @type {string} */
    let value;
    /** @type {string} */
    let defaultValue;
    if (type === '100000000') {
      value = `https://contoso.sharepoint.com/sites/bench${rng.hex(6)}`;
      defaultValue = 'https://contoso.sharepoint.com/sites/dev';
    } else if (type === '100000001') {
      value = String(rng.range(1, 500));
      defaultValue = '10';
    } else if (type === '100000002') {
      value = rng.next() < 0.5 ? 'yes' : 'no';
      defaultValue = 'no';
    } else {
      value = JSON.stringify({
        retries: rng.range(1, 9),
        region: rng.pick(['westeurope', 'eastus', 'uksouth']),
      });
      defaultValue = '{"retries":3}';
    }
    vars.push({
      schemaName,
      type,
      displayName: `Bench Variable ${i + 1}`,
      // every 2nd has a default, every 3rd a current value in the solution
      defaultValue: i % 2 === 0 ? defaultValue : undefined,
      currentValue: i % 3 === 0 ? value : undefined,
      valueId: rng.guid(),
      value,
    });
  }
  return { refs, vars };
}

/**
 * @param {Rng} rng
 * @param {{key: string, api: string, operations: readonly string[]}[]} connections
 * @param {string} flowName
 * @param {boolean} utf16 UTF-16 files are the CoE style: pretty-printed with CRLF
 * @param {boolean} oneLine
 */
function flowJson(rng, connections, flowName, utf16, oneLine) {
  /** @type {Record<string, unknown>} */
  const connectionReferences = {};
  /** @type {Record<string, unknown>} */
  const actions = {};
  let previous = '';
  const actionCount = rng.range(2, 6);
  for (let a = 0; a < actionCount; a++) {
    const conn = /** @type {(typeof connections)[number]} */ (connections[a % connections.length]);
    const op = rng.pick(conn.operations);
    const name = `${op}_${a + 1}`;
    actions[name] = {
      runAfter: previous ? { [previous]: ['Succeeded'] } : {},
      metadata: { operationMetadataId: rng.guid() },
      type: 'OpenApiConnection',
      inputs: {
        host: {
          connectionName: conn.key,
          operationId: op,
          apiId: `/providers/Microsoft.PowerApps/apis/${conn.api}`,
        },
        parameters: {
          dataset: `https://contoso.sharepoint.com/sites/${rng.hex(8)}`,
          table: rng.guid(),
          'item/Title': `@{triggerOutputs()?['body/text']} - ${flowName}`,
          'item/Description': `@{outputs('${previous || 'manual'}')?['body/value']}`,
          $filter: `Status eq 'Active' and Modified gt '@{addDays(utcNow(), -${rng.range(1, 30)})}'`,
        },
        authentication: "@parameters('$authentication')",
      },
    };
    previous = name;
    if (rng.next() < 0.3) {
      const compose = `Compose_${a + 1}`;
      actions[compose] = {
        runAfter: { [previous]: ['Succeeded'] },
        type: 'Compose',
        inputs: { id: `@{outputs('${previous}')?['body/id']}`, note: rng.hex(24) },
      };
      previous = compose;
    }
  }
  const doc = {
    properties: {
      connectionReferences,
      definition: {
        $schema:
          'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        contentVersion: '1.0.0.0',
        parameters: {
          $connections: { defaultValue: {}, type: 'Object' },
          $authentication: { defaultValue: {}, type: 'SecureObject' },
        },
        triggers: {
          manual: {
            metadata: { operationMetadataId: rng.guid() },
            type: 'Request',
            kind: 'PowerAppV2',
            inputs: {
              schema: {
                type: 'object',
                properties: {
                  text: {
                    title: 'Input',
                    type: 'string',
                    'x-ms-dynamically-added': true,
                    'x-ms-content-hint': 'TEXT',
                  },
                },
                required: ['text'],
              },
            },
          },
        },
        actions,
      },
      templateName: '',
    },
    schemaVersion: '1.0.0.0',
  };
  for (const conn of connections) {
    connectionReferences[conn.key] = {
      runtimeSource: rng.next() < 0.1 ? 'invoker' : 'embedded',
      connection: { connectionReferenceLogicalName: conn.logicalName },
      api: { name: conn.api },
    };
  }
  if (utf16) {
    const text = JSON.stringify(doc, null, 2).replace(/\n/g, '\r\n');
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
  return Buffer.from(oneLine ? JSON.stringify(doc) : JSON.stringify(doc, null, 2), 'utf8');
}

/**
 * @param {{id: string, name: string, jsonFileName: string}} flow
 * @param {string} indent
 * @param {boolean} standalone true: the SolutionPackager .json.data.xml form
 */
function workflowXml(flow, indent, standalone) {
  const i = indent;
  const ns = standalone ? ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' : '';
  return (
    `${i}<Workflow WorkflowId="{${flow.id}}" Name="${xmlEscape(flow.name)}"${ns}>\n` +
    `${i}  <JsonFileName>${flow.jsonFileName}</JsonFileName>\n` +
    `${i}  <Type>1</Type>\n${i}  <Subprocess>0</Subprocess>\n${i}  <Category>5</Category>\n` +
    `${i}  <Mode>0</Mode>\n${i}  <Scope>4</Scope>\n${i}  <OnDemand>0</OnDemand>\n` +
    `${i}  <TriggerOnCreate>0</TriggerOnCreate>\n${i}  <TriggerOnDelete>0</TriggerOnDelete>\n` +
    `${i}  <AsyncAutodelete>0</AsyncAutodelete>\n${i}  <SyncWorkflowLogOnFailure>0</SyncWorkflowLogOnFailure>\n` +
    `${i}  <StateCode>1</StateCode>\n${i}  <StatusCode>2</StatusCode>\n${i}  <RunAs>1</RunAs>\n` +
    `${i}  <IsTransacted>1</IsTransacted>\n${i}  <IntroducedVersion>1.0.0.0</IntroducedVersion>\n` +
    `${i}  <IsCustomizable>1</IsCustomizable>\n${i}  <BusinessProcessType>0</BusinessProcessType>\n` +
    `${i}  <IsCustomProcessingStepAllowedForOtherPublishers>1</IsCustomProcessingStepAllowedForOtherPublishers>\n` +
    `${i}  <PrimaryEntity>none</PrimaryEntity>\n` +
    `${i}  <LocalizedNames>\n${i}    <LocalizedName languagecode="1033" description="${xmlEscape(flow.name)}" />\n${i}  </LocalizedNames>\n` +
    `${i}</Workflow>`
  );
}

/**
 * @param {{name: string, displayName: string, connectionReferences: string, flowDependencies: string[]}} app
 * @param {string} indent
 * @param {boolean} standalone
 */
function canvasAppXml(app, indent, standalone) {
  const i = indent;
  const ns = standalone ? ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' : '';
  const cds = JSON.stringify({
    cdsdependencies: app.flowDependencies.map((id) => ({
      dependencyid: id,
      componenttype: 29,
      componenttypeplatformname: 'Workflow',
    })),
  });
  const tags = JSON.stringify({
    primaryDeviceWidth: '1366',
    primaryDeviceHeight: '768',
    supportsPortrait: 'true',
    supportsLandscape: 'true',
    primaryFormFactor: 'Tablet',
    publisherVersion: '3.23042.12',
    minimumRequiredApiVersion: '2.2.0',
    hasComponent: 'false',
    hasUnlockedComponent: 'false',
    isUnifiedRootApp: 'false',
  });
  return (
    `${i}<CanvasApp${ns}>\n` +
    `${i}  <Name>${app.name}</Name>\n${i}  <AppVersion>2024-01-15T10:30:00Z</AppVersion>\n${i}  <Status>Ready</Status>\n` +
    `${i}  <CreatedByClientVersion>3.23042.12.0</CreatedByClientVersion>\n${i}  <MinClientVersion>3.23042.12.0</MinClientVersion>\n` +
    `${i}  <Tags>${xmlEscape(tags)}</Tags>\n${i}  <IsCdsUpgraded>0</IsCdsUpgraded>\n` +
    `${i}  <GalleryItemId xsi:nil="true"></GalleryItemId>\n${i}  <BackgroundColor>rgba(0, 176, 240, 1)</BackgroundColor>\n` +
    `${i}  <DisplayName>${xmlEscape(app.displayName)}</DisplayName>\n${i}  <Description xsi:nil="true"></Description>\n` +
    `${i}  <CommitMessage xsi:nil="true"></CommitMessage>\n${i}  <Publisher></Publisher>\n` +
    `${i}  <AuthorizationReferences>[]</AuthorizationReferences>\n` +
    `${i}  <ConnectionReferences>${xmlEscape(app.connectionReferences)}</ConnectionReferences>\n` +
    `${i}  <DatabaseReferences>{}</DatabaseReferences>\n${i}  <AppComponents>[]</AppComponents>\n` +
    `${i}  <AppComponentDependencies>[]</AppComponentDependencies>\n${i}  <CanConsumeAppPass>1</CanConsumeAppPass>\n` +
    `${i}  <CanvasAppType>0</CanvasAppType>\n${i}  <BypassConsent>0</BypassConsent>\n` +
    `${i}  <AdminControlBypassConsent>0</AdminControlBypassConsent>\n${i}  <EmbeddedApp xsi:nil="true"></EmbeddedApp>\n` +
    `${i}  <IntroducedVersion>1.0</IntroducedVersion>\n${i}  <CdsDependencies>${xmlEscape(cds)}</CdsDependencies>\n` +
    `${i}  <IsCustomizable>1</IsCustomizable>\n` +
    `${i}  <BackgroundImageUri>/CanvasApps/${app.name}_BackgroundImageUri</BackgroundImageUri>\n` +
    `${i}  <DocumentUri>/CanvasApps/${app.name}_DocumentUri.msapp</DocumentUri>\n` +
    `${i}</CanvasApp>`
  );
}

/**
 * @param {{logicalName: string, displayName: string, connectorId: string}} ref
 * @param {string} indent
 */
function connectionReferenceXml(ref, indent) {
  const i = indent;
  return (
    `${i}<connectionreference connectionreferencelogicalname="${ref.logicalName}">\n` +
    `${i}  <connectionreferencedisplayname>${xmlEscape(ref.displayName)}</connectionreferencedisplayname>\n` +
    `${i}  <connectorid>${ref.connectorId}</connectorid>\n` +
    `${i}  <iscustomizable>1</iscustomizable>\n${i}  <statecode>0</statecode>\n${i}  <statuscode>1</statuscode>\n` +
    `${i}</connectionreference>`
  );
}

/** @param {{schemaName: string, type: string, displayName: string, defaultValue?: string}} v */
function envVarDefinitionXml(v) {
  return (
    `<environmentvariabledefinition schemaname="${v.schemaName}">\n` +
    (v.defaultValue !== undefined
      ? `  <defaultvalue>${xmlEscape(v.defaultValue)}</defaultvalue>\n`
      : '') +
    `  <description default="Generated by connref-gate bench.">\n    <label description="Generated by connref-gate bench." languagecode="1033" />\n  </description>\n` +
    `  <displayname default="${xmlEscape(v.displayName)}">\n    <label description="${xmlEscape(v.displayName)}" languagecode="1033" />\n  </displayname>\n` +
    `  <introducedversion>1.0.0.0</introducedversion>\n  <iscustomizable>1</iscustomizable>\n  <isrequired>0</isrequired>\n` +
    `  <secretstore>0</secretstore>\n  <type>${v.type}</type>\n</environmentvariabledefinition>`
  );
}

/** @param {{valueId: string, currentValue?: string}} v */
function envVarValuesJson(v) {
  return JSON.stringify(
    {
      environmentvariablevalues: {
        environmentvariablevalue: {
          '@environmentvariablevalueid': v.valueId,
          iscustomizable: '1',
          value: v.currentValue,
        },
      },
    },
    null,
    2,
  );
}

/**
 * @param {string} uniqueName
 * @param {string} managed '0' in an export, '2' in a SolutionPackager folder
 * @param {string[]} rootComponents
 */
function solutionXml(uniqueName, managed, rootComponents) {
  return (
    `<ImportExportXml version="9.2.24012.192" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    `  <SolutionManifest>\n    <UniqueName>${uniqueName}</UniqueName>\n` +
    `    <LocalizedNames>\n      <LocalizedName description="${uniqueName}" languagecode="1033" />\n    </LocalizedNames>\n` +
    `    <Descriptions />\n    <Version>1.0.0.0</Version>\n    <Managed>${managed}</Managed>\n` +
    `    <Publisher>\n      <UniqueName>ConnrefBench</UniqueName>\n      <LocalizedNames>\n        <LocalizedName description="Connref Bench" languagecode="1033" />\n      </LocalizedNames>\n` +
    `      <Descriptions />\n      <EMailAddress xsi:nil="true"></EMailAddress>\n      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>\n` +
    `      <CustomizationPrefix>cgb</CustomizationPrefix>\n      <CustomizationOptionValuePrefix>31337</CustomizationOptionValuePrefix>\n    </Publisher>\n` +
    `    <RootComponents>\n${rootComponents.map((c) => `      ${c}\n`).join('')}    </RootComponents>\n` +
    `    <MissingDependencies />\n  </SolutionManifest>\n</ImportExportXml>`
  );
}

/**
 * @param {{workflows?: string, canvasApps?: string, connectionReferences: string}} parts
 */
function customizationsXml(parts) {
  const empty = (/** @type {string} */ tag, /** @type {string | undefined} */ body) =>
    body === undefined ? `  <${tag} />\n` : `  <${tag}>\n${body}\n  </${tag}>\n`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    `  <Entities />\n  <Roles />\n` +
    empty('Workflows', parts.workflows) +
    `  <FieldSecurityProfiles />\n  <Templates />\n  <EntityMaps />\n  <EntityRelationships />\n  <OrganizationSettings />\n` +
    `  <optionsets />\n  <CustomControls />\n  <EntityDataProviders />\n` +
    empty('CanvasApps', parts.canvasApps) +
    `  <Connectors />\n` +
    `  <connectionreferences>\n${parts.connectionReferences}\n  </connectionreferences>\n` +
    `  <Languages>\n    <Language>1033</Language>\n  </Languages>\n</ImportExportXml>`
  );
}

// ---------------------------------------------------------------------------------------------
// Generation

/**
 * Generates one solution (zip and/or unpacked folder and/or settings file).
 * @param {SolutionOptions} options
 * @returns {GeneratedSolution}
 */
export function generateSolution(options) {
  const uniqueName = options.uniqueName ?? 'ConnrefBenchLarge';
  const seed = options.seed ?? 1;
  const flowCount = options.flows ?? 2000;
  const refCount = options.connectionReferences ?? 500;
  const appCount = options.canvasApps ?? 20;
  const mediaBytes = options.mediaBytesPerApp ?? 10 * MiB;
  const varCount = options.environmentVariables ?? 100;
  if (refCount < 1) throw new Error('at least one connection reference is needed');
  const rng = new Rng(seed);
  const pool = buildPool(options.poolSeed ?? seed, refCount, varCount);

  // Flows: the first connection of flow i is reference i % refCount, so every reference is used.
  const flows = [];
  let flowConnections = 0;
  let utf16Flows = 0;
  for (let f = 0; f < flowCount; f++) {
    const id = rng.guid();
    const name = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${rng.next() < 0.1 ? ' & Notes' : ''} | Bench ${String(f + 1).padStart(4, '0')}`;
    const fileBase = name.replace(/[^A-Za-z0-9-]/g, '');
    const jsonFileName = `/Workflows/${fileBase}-${id.toUpperCase()}.json`;
    const n = rng.range(1, 5);
    const chosen = [pool.refs[f % refCount]];
    for (let k = 1; k < n; k++) chosen.push(rng.pick(pool.refs));
    /** @type {Map<string, number>} */
    const keyCount = new Map();
    const seen = new Set();
    const connections = [];
    for (const ref of chosen) {
      if (!ref || seen.has(ref.logicalName)) continue;
      seen.add(ref.logicalName);
      const used = keyCount.get(ref.api) ?? 0;
      keyCount.set(ref.api, used + 1);
      // Real exports: the second connection to one api gets a _1 suffix, and so on.
      const key = used === 0 ? ref.api : `${ref.api}_${used}`;
      connections.push({
        key,
        api: ref.api,
        operations: ref.operations,
        logicalName: ref.logicalName,
      });
    }
    flowConnections += connections.length;
    const utf16 = f % 4 === 3; // every 4th flow
    if (utf16) utf16Flows++;
    const json = flowJson(rng, connections, name, utf16, !utf16 && f % 3 === 1);
    flows.push({ id, name, jsonFileName, json });
  }

  // Canvas apps, each with 2-4 standard connectors and a flow it calls.
  const apps = [];
  for (let a = 0; a < appCount; a++) {
    const name = `cgb_benchapp${String(a + 1).padStart(2, '0')}_${rng.hex(5)}`;
    /** @type {Record<string, unknown>} */
    const refs = {};
    const count = rng.range(2, 4);
    for (let c = 0; c < count; c++) {
      const connector = /** @type {(typeof CONNECTORS)[number]} */ (
        CONNECTORS[(a + c * 5) % CONNECTORS.length]
      );
      refs[rng.guid()] = {
        id: `/providers/microsoft.powerapps/apis/${connector[0]}`,
        displayName: connector[1],
        iconUri: `https://connectoricons-prod.azureedge.net/releases/v1.0.1628/1.0.1628.3245/${connector[0].slice(7)}/icon.png`,
        dataSources: [connector[1].replace(/[^A-Za-z0-9]/g, '')],
        dependencies: [],
        dependents: [],
        parameterHints: {},
        parameterHintsV2: {},
        isOnPremiseConnection: false,
        bypassConsent: false,
        dataSets: {},
        apiTier: 'Standard',
        actions: [...connector[2]],
      };
    }
    const called = flows.length > 0 ? flows[(a * 37) % flows.length] : undefined;
    if (called) {
      refs[rng.guid()] = {
        id: '/providers/microsoft.powerapps/apis/shared_logicflows',
        displayName: 'Logic flows',
        dataSources: [called.name.replace(/[^A-Za-z0-9]/g, '')],
        dependencies: [],
        dependents: [],
        parameterHints: {
          workflowName: { value: rng.guid() },
          workflowEntityId: { value: called.id },
        },
        parameterHintsV2: {
          workflowName: { value: rng.guid() },
          workflowEntityId: { value: called.id },
        },
        isOnPremiseConnection: false,
        bypassConsent: false,
        dataSets: {},
        apiTier: 'Standard',
        actions: ['Run'],
      };
    }
    apps.push({
      name,
      displayName: `Bench App ${a + 1}`,
      connectionReferences: JSON.stringify(refs),
      flowDependencies: called ? [called.id] : [],
      label: `${seed}/${uniqueName}/${name}`,
    });
  }

  const rootComponents = [
    ...flows.map((f) => `<RootComponent type="29" id="{${f.id}}" behavior="0" />`),
    ...apps.map((a) => `<RootComponent type="300" schemaName="${a.name}" behavior="0" />`),
    ...pool.vars.map(
      (v) => `<RootComponent type="380" schemaName="${v.schemaName}" behavior="0" />`,
    ),
  ];
  const refsXml = pool.refs.map((r) => connectionReferenceXml(r, '    ')).join('\n');

  /** @type {GeneratedSolution} */
  const result = {
    uniqueName,
    counts: {
      flows: flowCount,
      utf16Flows,
      flowConnections,
      connectionReferences: refCount,
      canvasApps: appCount,
      environmentVariables: varCount,
      environmentVariableValues: pool.vars.filter((v) => v.currentValue !== undefined).length,
      mediaBytes: appCount * mediaBytes,
    },
    zipEntries: [],
    unpackedFiles: [],
    connectionReferenceNames: pool.refs.map((r) => r.logicalName),
    environmentVariableNames: pool.vars.map((v) => v.schemaName),
    settings: {
      EnvironmentVariables: pool.vars.map((v) => ({ SchemaName: v.schemaName, Value: v.value })),
      ConnectionReferences: pool.refs.map((r) => ({
        LogicalName: r.logicalName,
        ConnectionId: r.connectionId,
        ConnectorId: r.connectorId,
      })),
    },
  };

  /** @param {(typeof apps)[number]} app */
  const backgroundImage = (app) => seededBytes(`${app.label}/background`, 8 * 1024);

  if (options.zipPath) {
    const zipPath = resolve(options.zipPath);
    const entries = result.zipEntries;
    writeZipFile(zipPath, (zip) => {
      const add = (/** @type {string} */ name, /** @type {Buffer} */ data, store = false) => {
        zip.add(name, data, { store });
        entries.push(name);
      };
      const customizations = customizationsXml({
        workflows: flows.map((f) => workflowXml(f, '    ', false)).join('\n'),
        canvasApps: apps.length
          ? apps.map((a) => canvasAppXml(a, '    ', false)).join('\n')
          : undefined,
        connectionReferences: refsXml,
      });
      add('customizations.xml', Buffer.concat([BOM, Buffer.from(customizations, 'utf8')]));
      add('solution.xml', Buffer.from(solutionXml(uniqueName, '0', rootComponents), 'utf8'));
      for (const f of flows) add(f.jsonFileName.slice(1), f.json);
      for (const app of apps) {
        add(`CanvasApps/${app.name}_BackgroundImageUri`, backgroundImage(app), true);
        add(
          `CanvasApps/${app.name}_DocumentUri.msapp`,
          buildMsapp(app.name, mediaBytes, app.label),
          true,
        );
      }
      for (const v of pool.vars) {
        const dir = `environmentvariabledefinitions/${v.schemaName}`;
        add(
          `${dir}/environmentvariabledefinition.xml`,
          Buffer.from(envVarDefinitionXml(v), 'utf8'),
        );
        if (v.currentValue !== undefined)
          add(`${dir}/environmentvariablevalues.json`, Buffer.from(envVarValuesJson(v), 'utf8'));
      }
      const overrides = apps
        .map(
          (a) =>
            `<Override PartName="/CanvasApps/${a.name}_BackgroundImageUri" ContentType="application/octet-stream" />`,
        )
        .join('');
      add(
        '[Content_Types].xml',
        Buffer.concat([
          BOM,
          Buffer.from(
            `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /><Default Extension="json" ContentType="application/octet-stream" /><Default Extension="msapp" ContentType="application/octet-stream" />${overrides}</Types>`,
            'utf8',
          ),
        ]),
      );
    });
    result.zipPath = zipPath;
  }

  if (options.unpackedDir) {
    const root = resolve(options.unpackedDir);
    rmSync(root, { recursive: true, force: true });
    const files = result.unpackedFiles;
    const put = (/** @type {string} */ rel, /** @type {Buffer | string} */ data) => {
      const abs = join(root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, data);
      files.push(rel);
    };
    const xmlDecl = '<?xml version="1.0" encoding="utf-8"?>\n';
    put(
      'Other/Solution.xml',
      Buffer.concat([
        BOM,
        Buffer.from(xmlDecl + solutionXml(uniqueName, '2', rootComponents), 'utf8'),
      ]),
    );
    put(
      'Other/Customizations.xml',
      Buffer.concat([
        BOM,
        Buffer.from(customizationsXml({ connectionReferences: refsXml }), 'utf8'),
      ]),
    );
    for (const f of flows) {
      put(f.jsonFileName.slice(1), f.json);
      put(
        `${f.jsonFileName.slice(1)}.data.xml`,
        Buffer.concat([BOM, Buffer.from(xmlDecl + workflowXml(f, '', true), 'utf8')]),
      );
    }
    for (const app of apps) {
      put(
        `CanvasApps/${app.name}.meta.xml`,
        Buffer.concat([BOM, Buffer.from(xmlDecl + canvasAppXml(app, '', true), 'utf8')]),
      );
      put(`CanvasApps/${app.name}_BackgroundImageUri`, backgroundImage(app));
      put(`CanvasApps/${app.name}_DocumentUri.msapp`, buildMsapp(app.name, mediaBytes, app.label));
    }
    for (const v of pool.vars) {
      const dir = `environmentvariabledefinitions/${v.schemaName}`;
      put(`${dir}/environmentvariabledefinition.xml`, envVarDefinitionXml(v));
      if (v.currentValue !== undefined)
        put(`${dir}/environmentvariablevalues.json`, envVarValuesJson(v));
    }
    files.sort();
    result.unpackedDir = root;
  }

  if (options.settingsPath) {
    const settingsPath = resolve(options.settingsPath);
    mkdirSync(dirname(settingsPath), { recursive: true });
    writeFileSync(settingsPath, `${JSON.stringify(result.settings, null, 2)}\n`);
    result.settingsPath = settingsPath;
  }
  return result;
}

/**
 * @typedef {object} SolutionSetOptions
 * @property {string} outDir Emptied first. Solutions go to `<outDir>/solutions/`, settings to `<outDir>/settings.json`.
 * @property {number} [count] Solutions. Default 50.
 * @property {number} [seed] Default 1000.
 * @property {number} [flows] Flows of the largest; the others have up to 20 % fewer. Default 100.
 * @property {number} [connectionReferences] Default 30 (the same 30 in every solution).
 * @property {number} [canvasApps] Default 2.
 * @property {number} [mediaBytesPerApp] Default 1 MiB.
 * @property {number} [environmentVariables] Default 10 (shared).
 */

/**
 * @typedef {object} GeneratedSolutionSet
 * @property {string} dir the folder that holds every solution (pass it as one --solution)
 * @property {string} settingsPath one settings file that binds every solution
 * @property {{path: string, kind: 'zip' | 'folder', flows: number}[]} solutions
 * @property {string} largestZip path of the largest zip solution
 * @property {string} largestFolder path of the largest unpacked solution
 */

/**
 * A monorepo-like folder of medium solutions: even ones as zips, odd ones unpacked. They share
 * their connection references and environment variables, so one settings file binds them all.
 * @param {SolutionSetOptions} options
 * @returns {GeneratedSolutionSet}
 */
export function generateSolutionSet(options) {
  const outDir = resolve(options.outDir);
  const count = options.count ?? 50;
  const seed = options.seed ?? 1000;
  const maxFlows = options.flows ?? 100;
  rmSync(outDir, { recursive: true, force: true });
  const dir = join(outDir, 'solutions');
  mkdirSync(dir, { recursive: true });
  /** @type {GeneratedSolutionSet['solutions']} */
  const solutions = [];
  /** @type {GeneratedSolution | undefined} */
  let first;
  for (let i = 0; i < count; i++) {
    const name = `medium-${String(i).padStart(2, '0')}`;
    const flows = Math.max(1, Math.round(maxFlows * (1 - 0.04 * (Math.floor(i / 2) % 6))));
    const kind = i % 2 === 0 ? 'zip' : 'folder';
    const path = kind === 'zip' ? join(dir, `${name}.zip`) : join(dir, name);
    const generated = generateSolution({
      uniqueName: `ConnrefBenchMedium${String(i).padStart(2, '0')}`,
      seed: seed + i,
      poolSeed: seed,
      flows,
      connectionReferences: options.connectionReferences ?? 30,
      canvasApps: options.canvasApps ?? 2,
      mediaBytesPerApp: options.mediaBytesPerApp ?? MiB,
      environmentVariables: options.environmentVariables ?? 10,
      ...(kind === 'zip' ? { zipPath: path } : { unpackedDir: path }),
    });
    first ??= generated;
    solutions.push({ path, kind, flows });
  }
  const settingsPath = join(outDir, 'settings.json');
  writeFileSync(settingsPath, `${JSON.stringify(first?.settings ?? {}, null, 2)}\n`);
  const largest = (/** @type {'zip' | 'folder'} */ kind) =>
    solutions.filter((s) => s.kind === kind).reduce((a, b) => (b.flows > a.flows ? b : a)).path;
  return {
    dir,
    settingsPath,
    solutions,
    largestZip: largest('zip'),
    largestFolder: count > 1 ? largest('folder') : largest('zip'),
  };
}

/**
 * Runs `make` once per key: output under `dir` is reused while `<dir>/.complete` holds the same key.
 * @template T
 * @param {string} dir
 * @param {unknown} key options that determine the output
 * @param {() => T} make
 * @returns {{result: T, reused: boolean}}
 */
export function cached(dir, key, make) {
  const stamp = JSON.stringify({ generator: GENERATOR_VERSION, key });
  const marker = join(dir, '.complete');
  if (existsSync(marker)) {
    try {
      const saved = JSON.parse(readFileSync(marker, 'utf8'));
      if (saved.stamp === stamp) return { result: saved.result, reused: true };
    } catch {
      // fall through and regenerate
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = make();
  writeFileSync(marker, JSON.stringify({ stamp, result }));
  return { result, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Command line: node scripts/generate-solution.mjs --out DIR [--flows N] [--refs N] [--apps N]
//   [--media-mib N] [--vars N] [--seed N] [--set N]

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const value = (/** @type {string} */ flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const out = value('--out');
  if (!out) {
    console.error(
      'usage: node scripts/generate-solution.mjs --out DIR [--flows N] [--refs N] [--apps N] [--media-mib N] [--vars N] [--seed N] [--set COUNT]',
    );
    process.exit(2);
  }
  const num = (/** @type {string} */ flag) =>
    value(flag) === undefined ? undefined : Number(value(flag));
  const started = Date.now();
  const shape = {
    flows: num('--flows'),
    connectionReferences: num('--refs'),
    canvasApps: num('--apps'),
    mediaBytesPerApp:
      num('--media-mib') === undefined ? undefined : Number(num('--media-mib')) * MiB,
    environmentVariables: num('--vars'),
    seed: num('--seed'),
  };
  if (value('--set') !== undefined) {
    const set = generateSolutionSet({ ...shape, outDir: out, count: num('--set') });
    console.log(
      JSON.stringify(
        { ...set, solutions: set.solutions.length, ms: Date.now() - started },
        null,
        2,
      ),
    );
  } else {
    const generated = generateSolution({
      ...shape,
      zipPath: join(out, 'solution.zip'),
      unpackedDir: join(out, 'unpacked'),
      settingsPath: join(out, 'settings.json'),
    });
    console.log(
      JSON.stringify(
        {
          zipPath: generated.zipPath,
          unpackedDir: generated.unpackedDir,
          settingsPath: generated.settingsPath,
          counts: generated.counts,
          ms: Date.now() - started,
        },
        null,
        2,
      ),
    );
  }
}

// The solution model: what one generated solution holds (flows with their JSON, canvas apps,
// connection references, environment variables, root components, settings that bind them), before
// any of it is written in a layout. Shapes follow real exports (FORMAT-NOTES.md).
import { Buffer } from 'node:buffer';
import { MiB, Rng } from './random.mjs';

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
 * @param {{key: string, api: string, operations: readonly string[], logicalName: string}[]} connections
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
 * @typedef {ReturnType<typeof buildSolutionModel>} SolutionModel
 */

/**
 * Builds one solution's content in memory; `generateSolution` writes it in the layouts asked for.
 * @param {import('../generate-solution.mjs').SolutionOptions} options
 */
export function buildSolutionModel(options) {
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
  return {
    uniqueName,
    mediaBytes,
    flows,
    apps,
    refs: pool.refs,
    vars: pool.vars,
    rootComponents,
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
    /** @type {import('../generate-solution.mjs').DeploymentSettings} */
    settings: {
      EnvironmentVariables: pool.vars.map((v) => ({ SchemaName: v.schemaName, Value: v.value })),
      ConnectionReferences: pool.refs.map((r) => ({
        LogicalName: r.logicalName,
        ConnectionId: r.connectionId,
        ConnectorId: r.connectorId,
      })),
    },
  };
}

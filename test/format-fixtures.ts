// Hand-built reports for the formatter, SARIF and PR-comment tests, independent of the engine.
import type { Finding, Report, ReportSolution } from '../src/core/model.js';

export const coreSolution: ReportSolution = {
  path: 'solutions/ContosoCore',
  uniqueName: 'ContosoCore',
  version: '1.0.0.4',
  managed: 'unmanaged',
  connectionReferences: [
    {
      logicalName: 'new_sharedoffice365_7684e',
      displayName: 'Office 365 Outlook',
      connectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
      custom: false,
      bound: false,
      usedBy: [
        { kind: 'flow', name: 'Send invoice' },
        { kind: 'agent', name: 'Helpdesk | Agent', components: ['Send mail <now>'] },
      ],
    },
    {
      logicalName: 'new_sharedsharepointonline_1a2b3',
      displayName: 'SharePoint | Docs <main>',
      connectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline',
      custom: false,
      bound: true,
      usedBy: [],
    },
  ],
  flows: [
    {
      name: 'Send invoice',
      file: 'Workflows/Sendinvoice-1234.json',
      connections: [
        {
          key: 'shared_office365',
          api: 'shared_office365',
          connectionReference: 'new_sharedoffice365_7684e',
        },
        { key: 'shared_approvals', api: 'shared_approvals', connectionReference: null },
      ],
    },
  ],
  canvasApps: [
    {
      name: 'new_invoiceapp_1a2b3',
      displayName: 'Invoice app',
      connectors: [
        { id: '/providers/microsoft.powerapps/apis/shared_new-5ferp-5fabc', custom: true },
      ],
    },
  ],
  agents: [
    {
      name: 'new_helpdeskAgent',
      displayName: 'Helpdesk | Agent',
      components: [
        {
          name: 'new_helpdeskAgent.action.SendMail',
          kind: 'action',
          connectionReferences: ['new_sharedoffice365_7684e'],
        },
        { name: 'new_helpdeskAgent.topic.Greeting', kind: 'topic', connectionReferences: [] },
      ],
    },
  ],
  environmentVariables: [
    {
      schemaName: 'new_SiteUrl',
      type: 'String',
      hasDefault: false,
      hasCurrentValue: false,
      bound: false,
    },
  ],
};

export const zipSolution: ReportSolution = {
  path: 'build/Contoso Extra.zip',
  uniqueName: 'ContosoExtra',
  version: '2.0.0.0',
  managed: 'managed',
  connectionReferences: [],
  flows: [],
  canvasApps: [],
  agents: [],
  environmentVariables: [],
};

export const findings: Finding[] = [
  {
    ruleId: 'CR001',
    severity: 'error',
    message: 'Connection reference new_sharedoffice365_7684e has no settings entry.',
    solution: 'ContosoCore',
    subject: 'new_sharedoffice365_7684e',
    location: { file: 'solutions/ContosoCore/Other/Customizations.xml', line: 12 },
  },
  {
    ruleId: 'EV001',
    severity: 'error',
    message: 'Environment variable new_SiteUrl has no value.',
    solution: 'ContosoCore',
    subject: 'new_SiteUrl',
  },
  {
    ruleId: 'CR006',
    severity: 'warning',
    message: 'A flow uses a reference the solution does not define.',
    solution: 'ContosoExtra',
    subject: 'new_sharedteams_1',
    location: { file: 'build/Contoso Extra.zip!/customizations.xml', line: 40 },
  },
  {
    ruleId: 'CR010',
    severity: 'note',
    message: 'Connection reference new_sharedsharepointonline_1a2b3 is not used.',
    solution: 'ContosoCore',
    subject: 'new_sharedsharepointonline_1a2b3',
    location: { file: 'solutions/ContosoCore/Other/Customizations.xml', line: 20 },
  },
  {
    ruleId: 'SL001',
    severity: 'error',
    message: 'broken/Old.zip is not a solution: it is a legacy export package.',
    solution: 'broken/Old.zip',
    subject: 'broken/Old.zip',
    location: { file: 'broken/Old.zip' },
  },
];

export function makeReport(overrides: Partial<Report> = {}): Report {
  const report: Report = {
    tool: { name: 'connref-gate', version: '0.1.0' },
    solutions: [coreSolution, zipSolution],
    findings,
    summary: { errors: 3, warnings: 1, notes: 1 },
    ...overrides,
  };
  return report;
}

export function emptyReport(): Report {
  return makeReport({
    solutions: [coreSolution],
    findings: [],
    summary: { errors: 0, warnings: 0, notes: 0 },
  });
}

/** A monorepo-sized report: many references and findings, to exercise the size budget. */
export function bigReport(references: number, findingCount: number): Report {
  const solution: ReportSolution = {
    ...coreSolution,
    connectionReferences: Array.from({ length: references }, (_, i) => ({
      logicalName: `new_sharedconnector${i}_abcde`,
      displayName: `Connector number ${i} with a fairly long display name`,
      connectorId: `/providers/Microsoft.PowerApps/apis/shared_connector${i}`,
      custom: i % 7 === 0,
      bound: i % 2 === 0,
      usedBy: [{ kind: 'flow' as const, name: `Flow ${i}` }],
    })),
  };
  const many: Finding[] = Array.from({ length: findingCount }, (_, i) => ({
    ruleId: i % 3 === 0 ? 'CR010' : 'CR001',
    severity: i % 3 === 0 ? ('note' as const) : ('error' as const),
    message: `Finding number ${i}: a message that explains what is wrong and how to fix it in some detail.`,
    solution: 'ContosoCore',
    subject: `new_sharedconnector${i}_abcde`,
    location: { file: 'solutions/ContosoCore/Other/Customizations.xml', line: i + 1 },
  }));
  const notes = many.filter((f) => f.severity === 'note').length;
  return makeReport({
    solutions: [solution],
    findings: many,
    summary: { errors: many.length - notes, warnings: 0, notes },
  });
}

// A Copilot Studio agent in an unpacked solution, for the bench's agents case (the large generated
// solutions have none).
import { putFile } from './layouts.mjs';

/**
 * An unpacked solution with one Copilot Studio agent of `components` components, shaped like real
 * exports (FORMAT-NOTES section 8): every fifth an action whose YAML data names one of up to 20
 * connection references (with a set row), the rest topics with a few kilobytes of YAML naming none.
 * @param {string} dir
 * @param {number} components
 */
export function generateAgentSolution(dir, components) {
  const bot = 'cr0bench_helpdeskAgent';
  const write = (/** @type {string} */ path, /** @type {string} */ text) =>
    putFile(dir, path, text);
  // One reference per action up to 20, each used: the report has no CR010.
  const count = Math.min(20, Math.ceil(components / 5));
  const reference = (/** @type {number} */ i) =>
    `${bot}.shared_office365.${(i % count).toString(16).padStart(32, '0')}`;
  write(
    'Other/Solution.xml',
    '<ImportExportXml><SolutionManifest><UniqueName>AgentBench</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>',
  );
  const references = Array.from(
    { length: count },
    (_, i) =>
      `    <connectionreference connectionreferencelogicalname="${reference(i)}">\n      <connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid>\n    </connectionreference>`,
  );
  write(
    'Other/Customizations.xml',
    `<ImportExportXml>\n  <connectionreferences>\n${references.join('\n')}\n  </connectionreferences>\n</ImportExportXml>\n`,
  );
  write(`bots/${bot}/bot.xml`, `<bot schemaname="${bot}">\n  <name>Helpdesk</name>\n</bot>\n`);
  const rows = [];
  for (let i = 0; i < components; i++) {
    const action = i % 5 === 0;
    const schema = `${bot}.${action ? 'action' : 'topic'}.Component${i}`;
    write(
      `botcomponents/${schema}/botcomponent.xml`,
      `<botcomponent schemaname="${schema}">\n  <componenttype>9</componenttype>\n  <name>Component ${i}</name>\n  <parentbotid>\n    <schemaname>${bot}</schemaname>\n  </parentbotid>\n</botcomponent>\n`,
    );
    const steps = Array.from(
      { length: 12 },
      (_, s) =>
        `    - kind: SendActivity\n      id: sendMessage_${i}_${s}\n      activity:\n        text:\n          - "Step ${s} of topic ${i}: {Topic.Answer} and a sentence long enough to look like real prompt text."\n        speak:\n          - Step ${s}\n`,
    );
    write(
      `botcomponents/${schema}/data`,
      action
        ? `kind: TaskDialog\nmodelDisplayName: Send mail ${i}\nmodelDescription: |-\n  Sends a mail for the user.\n  Ask for the recipient first.\naction:\n  kind: InvokeConnectorTaskAction\n  connectionReference: ${reference(i / 5)}\n  connectionProperties:\n    mode: Invoker\n\n  operationId: SendEmailV2\n`
        : `kind: AdaptiveDialog\nbeginDialog:\n  kind: OnRecognizedIntent\n  id: main\n  intent:\n    triggerQueries:\n      - topic ${i}\n      - about ${i}\n  actions:\n${steps.join('')}`,
    );
    if (action)
      rows.push(
        `  <botcomponent_connectionreference botcomponentid.schemaname="${schema}" connectionreferenceid.connectionreferencelogicalname="${reference(i / 5)}">\n    <iscustomizable>1</iscustomizable>\n  </botcomponent_connectionreference>`,
      );
  }
  write(
    'Assets/botcomponent_connectionreferenceset.xml',
    `<botcomponent_connectionreferenceset>\n${rows.join('\n')}\n</botcomponent_connectionreferenceset>\n`,
  );
}

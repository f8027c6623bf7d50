// Small solutions written to disk under os.tmpdir() for the CLI and gate end-to-end tests.
import { join } from 'node:path';
import { writeFile as write } from './helpers/solution-files.js';

export { removeTempDirs, tempDir, writeFile as write } from './helpers/solution-files.js';

export const LOGICAL_NAME = 'new_sharedoffice365_7684e';
export const CONNECTOR_ID = '/providers/Microsoft.PowerApps/apis/shared_office365';

/**
 * An unpacked (SolutionPackager) solution with one connection reference, at `<root>/<folder>`.
 * The `<connectionreference>` element sits on line 5 of Customizations.xml.
 */
export function writeUnpackedSolution(
  root: string,
  folder = 'src',
  uniqueName = 'ContosoCore',
): string {
  const dir = join(root, folder);
  write(
    join(dir, 'Other/Solution.xml'),
    `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.24084.198" SolutionPackageVersion="9.2" languagecode="1033">
  <SolutionManifest>
    <UniqueName>${uniqueName}</UniqueName>
    <Version>1.0.0.4</Version>
    <Managed>0</Managed>
    <RootComponents />
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>
`,
  );
  write(
    join(dir, 'Other/Customizations.xml'),
    `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Workflows />
  <connectionreferences>
    <connectionreference connectionreferencelogicalname="${LOGICAL_NAME}">
      <connectionreferencedisplayname>Office 365 Outlook</connectionreferencedisplayname>
      <connectorid>${CONNECTOR_ID}</connectorid>
      <iscustomizable>1</iscustomizable>
      <statecode>0</statecode>
      <statuscode>1</statuscode>
    </connectionreference>
  </connectionreferences>
</ImportExportXml>
`,
  );
  return dir;
}

/** A pac deployment-settings file binding the reference to `connectionId`. */
export function writeSettings(path: string, connectionId: string | null): string {
  return write(
    path,
    `${JSON.stringify(
      {
        EnvironmentVariables: [],
        ConnectionReferences: [
          { LogicalName: LOGICAL_NAME, ConnectionId: connectionId, ConnectorId: CONNECTOR_ID },
        ],
      },
      null,
      2,
    )}\n`,
  );
}

// The text of a solution's component files (customizations.xml and its parts, solution.xml, the
// SolutionPackager .data.xml and .meta.xml forms, environment variable files), in the shapes of
// ../shared/FORMAT-NOTES.md. Indents and attributes follow real exports so that the parsers meet
// what they meet in the field, not a tidied-up form.

/** @param {string} text */
function xmlEscape(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * @param {{id: string, name: string, jsonFileName: string}} flow
 * @param {string} indent
 * @param {boolean} standalone true: the SolutionPackager .json.data.xml form
 */
export function workflowXml(flow, indent, standalone) {
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
export function canvasAppXml(app, indent, standalone) {
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
export function connectionReferenceXml(ref, indent) {
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
export function envVarDefinitionXml(v) {
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
export function envVarValuesJson(v) {
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
export function solutionXml(uniqueName, managed, rootComponents) {
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
export function customizationsXml(parts) {
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

/**
 * The [Content_Types].xml of an exported zip; each app's background image has an override.
 * @param {string[]} appNames
 */
export function contentTypesXml(appNames) {
  const overrides = appNames
    .map(
      (name) =>
        `<Override PartName="/CanvasApps/${name}_BackgroundImageUri" ContentType="application/octet-stream" />`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /><Default Extension="json" ContentType="application/octet-stream" /><Default Extension="msapp" ContentType="application/octet-stream" />${overrides}</Types>`;
}

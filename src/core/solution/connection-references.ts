// Connection references: the `<connectionreferences>` section of customizations.xml, in every
// layout (unpacked folders keep it in Other/Customizations.xml too).
import type { ConnectionReference, Location } from '../model.js';
import { attr, child, childText } from './content.js';
import { isCustomApiName } from './connectors.js';
import { apiNameOf } from './flow-json.js';

/** A `<connectionreference>` element, or undefined when it has no logical name. */
export function connectionReferenceFrom(
  element: unknown,
  location: Location,
): ConnectionReference | undefined {
  const logicalName = attr(element, 'connectionreferencelogicalname');
  if (!logicalName) return undefined;
  const connectorId = childText(element, 'connectorid') ?? '';
  const customConnectorId = childText(child(element, 'customconnectorid'), 'connectorid');
  const reference: ConnectionReference = {
    logicalName,
    displayName: childText(element, 'connectionreferencedisplayname') ?? logicalName,
    connectorId,
    custom: Boolean(customConnectorId) || isCustomApiName(apiNameOf(connectorId)),
    location,
  };
  if (customConnectorId) reference.customConnectorId = customConnectorId;
  return reference;
}

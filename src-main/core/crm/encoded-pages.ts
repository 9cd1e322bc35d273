import type { DecodedPart } from './decoded-page';
import { decodeHubSpotParts, type HubSpotWirePart } from './hubspot/wire-pages';

export { UnreadablePageError, type DecodedPart } from './decoded-page';

/**
 * Parts of a synced page still in the CRM's wire format (the answer's bytes). The page's writer decodes them
 * (decodeParts) in its own thread: parsing, validating and mapping a page stays off the main loop, and the
 * bytes cross to that thread without a copy.
 */
export type EncodedPart = HubSpotWirePart;

export function decodeParts(parts: EncodedPart[]): DecodedPart {
  return decodeHubSpotParts(parts);
}

/** The buffers the parts' bytes fill entirely, to hand to another thread without copying them. */
export function transferablesOf(parts: EncodedPart[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { body } of parts) if (body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) buffers.add(body.buffer);
  return [...buffers];
}

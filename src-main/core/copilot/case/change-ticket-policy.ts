import type { CustomerContext, PolicyResult } from '../types';
import type { CaseSlotName, CaseState } from './case-types';
import { deliveryTimeIn, newNameIn, paymentMethodIn } from './change-values';
import { changeSlotOf, valueOnFile } from './plan-actions';
import { slotsIn } from './slots';

/**
 * A change ticket (address, phone, name, delivery time, payment method) that the model or the agent asks for
 * is held to the same rule as the offline planner's: it goes to the team only with the new value, one that
 * differs from the record. The value is the case's slot, or one the ticket itself carries (the model may
 * have read what the slot reader missed); a ticket with neither is one the team cannot act on.
 */

/** What the agent is told is missing, per change. */
const missingValue: Record<string, string> = {
  address: 'new address',
  phone: 'new phone number',
  newName: 'new name',
  deliveryTime: 'new delivery day or time',
  paymentMethod: 'payment method the customer wants to use',
};

/** "change name from Jane Doe to Jane Berg", "New name: Jane Berg": the name a ticket written for the team names as the new one. */
const ticketNamePhrase = /\b(?:[Nn]ew (?:full |last |first |sur)?name|(?:[Cc]hange[sd]?|[Uu]pdate[sd]?|[Rr]ename[sd]?)\b[^.\n]{0,60}?\bto|to read|should (?:be|read))\s*[:"“-]?\s*([\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+){0,2})/u;
const phoneNumbers = /(?<![\w])\+?\d[\d\s().-]{8,}\d(?![\w])/g;

/** The values of this kind a ticket's text names (several: a ticket may name the old one beside the new). */
function valuesInTicket(slot: CaseSlotName, text: string, now: Date): string[] {
  switch (slot) {
    case 'phone':
      return [...text.matchAll(phoneNumbers)].map((match) => match[0]).filter((value) => value.replace(/\D/g, '').length >= 10);
    case 'address': {
      const address = slotsIn(text, [], [], now).address;
      return address ? [address] : [];
    }
    case 'newName':
      return [newNameIn(text), ticketNamePhrase.exec(text)?.[1]].filter((value): value is string => Boolean(value));
    case 'deliveryTime': {
      const when = deliveryTimeIn(text, []);
      return when ? [when] : [];
    }
    case 'paymentMethod': {
      const method = paymentMethodIn(text);
      return method ? [method] : [];
    }
    default:
      return [];
  }
}

function ticketText(args: Record<string, unknown>): string {
  return [args.subject, args.content, args.description]
    .filter((value): value is string => typeof value === 'string')
    .join('\n');
}

/** Refuses a change ticket of the open case that carries no new value, or only the one on file, and says what to ask. */
export function checkChangeTicket(tool: string, args: Record<string, unknown>, caseState: CaseState, customer: CustomerContext, now: Date): PolicyResult {
  if (tool !== 'create_ticket') return { allowed: true };
  const slot = changeSlotOf(caseState.request?.subflow);
  if (!slot) return { allowed: true };
  const known = caseState.slots[slot];
  if (known && !valueOnFile(slot, known, customer)) return { allowed: true };
  const given = valuesInTicket(slot, ticketText(args), now);
  if (given.some((value) => !valueOnFile(slot, value, customer))) return { allowed: true };
  const what = missingValue[slot] ?? 'new value';
  if (given.length > 0) return { allowed: false, reason: `The ${what} on this ticket is the one already on file: ask the customer for the new one.` };
  const onFile = known ? ' (what the customer gave is the one on file)' : '';
  return { allowed: false, reason: `The ${what} is not known yet${onFile}: ask the customer for it.` };
}

import type { CaseSlots } from './case-types';
import { foldText } from './fold-text';

/** What a contact's record says beyond its identifiers: what the customer may mention about their own purchase. */
export interface ContactEvidence {
  city: string | null;
  address: string | null;
  membership: string | null;
  orders: { id: string; total: number; placedAt: string | null; items: { name: string; amount: number }[] }[];
}

const wordsOf = (text: string): string[] => foldText(text).split(/[^\p{L}\d]+/u).filter((word) => word.length > 1);
const singular = (word: string): string => word.replace(/(?<=[^s])s$/, '');

/** The facts the customer gave that this record bears out, each in words for the agent. */
export function factsBorneOut(slots: CaseSlots, record: ContactEvidence): string[] {
  const facts: string[] = [];
  if (slots.product) {
    const wanted = wordsOf(slots.product).map(singular);
    const order = record.orders.find((item) => item.items.some((line) => {
      const have = new Set(wordsOf(line.name).map(singular));
      return wanted.length > 0 && wanted.every((word) => have.has(word));
    }));
    if (order) facts.push(`the ${slots.product} is on order ${order.id}`);
  }
  const cents = Number(slots.amountCents);
  if (Number.isFinite(cents) && cents > 0) {
    const order = record.orders.find((item) => Math.round(item.total * 100) === cents || item.items.some((line) => Math.round(line.amount * 100) === cents));
    if (order) facts.push(`$${(cents / 100).toFixed(2)} is an amount of order ${order.id}`);
  }
  if (slots.purchaseDate) {
    const said = Date.parse(slots.purchaseDate);
    // Customers give a purchase date roughly ("mid November", "three weeks ago"): within ten days.
    const order = record.orders.find((item) => item.placedAt && Math.abs(Date.parse(item.placedAt) - said) <= 10 * 86_400_000);
    if (order && Number.isFinite(said)) facts.push(`order ${order.id} was placed around ${slots.purchaseDate}`);
  }
  if (slots.address && (record.address || record.city)) {
    const said = new Set(wordsOf(slots.address));
    const street = record.address ? wordsOf(record.address) : [];
    const city = record.city ? wordsOf(record.city) : [];
    if ((street.length > 0 && street.every((word) => said.has(word))) || (city.length > 0 && city.every((word) => said.has(word)))) facts.push('the address is on the record');
  }
  if (slots.membership && record.membership && slots.membership === record.membership) facts.push(`the ${slots.membership} membership is on the record`);
  return facts;
}

/**
 * Among contacts who share a name, the one the conversation's facts point to: the only one whose record
 * bears out something the customer said (their product, an amount, the purchase date, the address, the
 * membership level), while the others bear out nothing. Undefined when none or several do.
 */
export function pickByEvidence<T extends { id: string; evidence?: ContactEvidence }>(candidates: T[], slots: CaseSlots): { contact: T; facts: string[] } | undefined {
  const borne = candidates.map((candidate) => ({ contact: candidate, facts: candidate.evidence ? factsBorneOut(slots, candidate.evidence) : [] }));
  const pointed = borne.filter((entry) => entry.facts.length > 0);
  return pointed.length === 1 ? pointed[0] : undefined;
}

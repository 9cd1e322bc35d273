import { edgedPattern, type EdgedPattern } from './edged-pattern';

/** The customer's own values from the CRM record: redacted wherever they appear, however spaced. */
export interface KnownValues {
  emails?: (string | null | undefined)[];
  phones?: (string | null | undefined)[];
  addresses?: (string | null | undefined)[];
  /** The customer's order ids: they point at one person, so they leave as `⟨ORDER_n⟩` and come back in main. */
  orderIds?: (string | null | undefined)[];
  /** The CRM contact id: the model needs it for tool calls, so it leaves as `⟨CONTACT_n⟩` and comes back in main. */
  contactIds?: (string | null | undefined)[];
}

type LiteralKind = 'EMAIL' | 'PHONE' | 'ADDRESS' | 'ORDER' | 'CONTACT';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "+1 (415) 555-0199" also as "415.555.0199" or "4155550199": the national digits, any separators, any prefix. */
function phonePattern(phone: string): EdgedPattern | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  const national = digits.length > 10 ? digits.slice(-10) : digits;
  return edgedPattern(`(?:(?:\\+|00)?\\d{1,3}[\\s().-]*)?${[...national].join('[\\s().-]*')}`);
}

/** The whole address, and each comma-separated part that holds a number ("6821 1st Ave"). */
function addressPatterns(address: string): EdgedPattern[] {
  const parts = [address, ...address.split(',')].map((part) => part.trim()).filter((part) => part.length >= 5 && /\d/.test(part) && /\p{L}/u.test(part));
  return [...new Set(parts)].sort((a, b) => b.length - a.length).map((part) => edgedPattern(escapeRegExp(part).replace(/\s+/g, '[\\s,]+')));
}

export function literalPatterns(values: KnownValues): { kind: LiteralKind; pattern: EdgedPattern }[] {
  const out: { kind: LiteralKind; pattern: EdgedPattern }[] = [];
  const present = (list: (string | null | undefined)[] | undefined): string[] => (list ?? []).map((item) => item?.trim() ?? '').filter((item) => item.length >= 3);
  for (const email of present(values.emails)) out.push({ kind: 'EMAIL', pattern: edgedPattern(escapeRegExp(email).replace(/@/g, '\\s*[@＠]\\s*')) });
  for (const phone of present(values.phones)) {
    const pattern = phonePattern(phone);
    if (pattern) out.push({ kind: 'PHONE', pattern });
  }
  for (const address of present(values.addresses)) for (const pattern of addressPatterns(address)) out.push({ kind: 'ADDRESS', pattern });
  for (const id of present(values.orderIds)) out.push({ kind: 'ORDER', pattern: edgedPattern(`#?${escapeRegExp(id)}`) });
  for (const id of present(values.contactIds)) out.push({ kind: 'CONTACT', pattern: edgedPattern(escapeRegExp(id)) });
  return out;
}

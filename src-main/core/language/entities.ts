import { findAddresses, findCards, findEmails, findIbans, findPhones, type Span } from './pii-patterns';
import { originalSpan, shadowOf } from './shadow-text';

export type EntityType = 'order_id' | 'account_id' | 'username' | 'email' | 'phone' | 'amount' | 'date' | 'address' | 'card' | 'iban';

export interface Entity {
  type: EntityType;
  value: string;
  start: number;
  end: number;
}

const orderContext =
  /\b(?:order|purchase|ord|invoice|receipt|tracking|transaction|confirmation|reference|ref)(?:\s+(?:number|no\.?|num|id|#|code))?\s*(?:is|was|:|#|-)?\s*#?\s*([A-Za-z]{0,4}[-]?\d[\dA-Za-z-]{3,24})\b/gi;
const hashNumber = /#\s?([A-Za-z]{0,4}-?\d{4,20})\b/g;
const bareLongNumber = /(?<![\w.+-])(\d{6,20})(?![\w.-])/g;
const accountContext =
  /\b(?:account(?:\s+(?:number|no\.?|id))?|customer\s+(?:id|number)|member(?:ship)?\s+(?:id|number)|user\s?id)\s*(?:is|:|#)?\s*#?\s*([A-Za-z0-9][\w-]{3,30})\b/gi;
const usernameContext = /\b(?:user\s?name|login|handle)\s*(?:is|:)?\s*@?([A-Za-z][\w.-]{2,30})\b/gi;
const atHandle = /(?<![\w.])@([A-Za-z][\w.]{2,30})\b/g;
const amount =
  /(?:[$€£¥]\s?\d{1,3}(?:[,.\s]?\d{3})*(?:[.,]\d{1,2})?|\b\d{1,3}(?:[,.]?\d{3})*(?:[.,]\d{1,2})?\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b)/gi;
const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const dates = new RegExp(
  [
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    `\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${months})(?:,?\\s+\\d{4})?\\b`,
    '\\b(?:yesterday|today|tomorrow|last\\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:this|next)\\s+(?:week|month))\\b',
  ].join('|'),
  'gi',
);

function groupSpans(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[1] ?? match[0];
    if (match.index === undefined) continue;
    const start = match.index + match[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, value });
  }
  return spans;
}

/** Finds what a customer refers to: order numbers, accounts, contact details, money, dates, addresses, with offsets. */
export function extractEntities(original: string): Entity[] {
  const shadow = shadowOf(original);
  const text = shadow.text;
  const found: Entity[] = [];
  const taken: [number, number][] = [];
  const add = (type: EntityType, spans: Span[]): void => {
    for (const span of spans) {
      if (taken.some(([a, b]) => span.start < b && span.end > a)) continue;
      taken.push([span.start, span.end]);
      const [start, end] = originalSpan(shadow, span.start, span.end);
      found.push({ type, value: original.slice(start, end), start, end });
    }
  };
  add('email', findEmails(text));
  add('iban', findIbans(text));
  add('order_id', groupSpans(text, orderContext).filter((span) => /\d/.test(span.value)));
  add('card', findCards(text));
  add('order_id', groupSpans(text, hashNumber));
  add('account_id', groupSpans(text, accountContext).filter((span) => /\d/.test(span.value)));
  add('username', groupSpans(text, usernameContext));
  add('username', groupSpans(text, atHandle));
  add('date', groupSpans(text, dates));
  add('amount', groupSpans(text, amount));
  add('phone', findPhones(text));
  add('address', findAddresses(text));
  add('order_id', groupSpans(text, bareLongNumber));
  return found.sort((a, b) => a.start - b.start);
}

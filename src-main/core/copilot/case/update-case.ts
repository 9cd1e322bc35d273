import type { Entity } from '../../language/index';
import type { CaseRequest, CaseSlots, CaseState, LineAct } from './case-types';
import { changeSlotsIn, nameForChange } from './change-values';
import { applyCorrections } from './corrections';
import { detectRequest, type DetectedRequest } from './detect-request';
import { trailingDigitsIn, withTrailingDigits } from './digit-correction';
import { foldText } from './fold-text';
import { verificationIdentifiers, verificationStep } from './flows';
import { identifiersIn } from './identifiers';
import { resolveIdentity, type IdentityLookup } from './identity';
import { mentions } from './lexicons';
import { classifyLineAct } from './line-act';
import { slotsIn } from './slots';
import { caseSteps } from './steps';

export interface CaseLine {
  text: string;
  intent: { intent: string; confidence: number } | undefined;
  entities: Entity[];
  language: { code: string; confidence: number };
}

export interface CaseContext {
  conversationId: string;
  lookup: IdentityLookup;
  now: Date;
  /** Tools whose proposals the agent approved or that ran in this case (completing kb steps). */
  doneTools: string[];
  /** Whether the customer's order is known (the CRM gives its shipping status). */
  orderKnown: boolean;
}

const caseLanguages = new Set(['en', 'es', 'fr', 'de', 'pt']);

function openRequest(detected: DetectedRequest, act: LineAct, line: number): CaseRequest {
  return { flow: detected.flow, subflow: detected.subflow, intent: detected.intent ?? (act === 'human_request' ? 'contact_human_agent' : act === 'complaint' ? 'complaint' : null), label: detected.label, confidence: Number(detected.score.toFixed(2)), openedAtLine: line };
}

/** The retailer's FAQ flows: a product's questions and the store-wide ones (guidelines.json). */
const faqFlows = new Set(['single_item_query', 'storewide_query']);

/** Words that say the next question is about something else ("another question", "por cierto", "übrigens"). */
const otherTopicCue =
  /\b(another question|other question|one more (thing|question)|something else|unrelated|different (question|topic)|by the way|btw|otra pregunta|otra cosa|aparte de eso|por cierto|une autre question|autre chose|au fait|par ailleurs|eine andere frage|noch eine frage|etwas anderes|ubrigens|outra pergunta|outra coisa|a proposito)\b/;

/**
 * A follow-up inside a product's FAQ ("and how much does hemming them cost?" after a question about the jeans)
 * is still about that product, though its words are a store-wide price question. It opens another topic only
 * when it says so, or names another product (a product subflow of its own).
 */
function faqFollowUp(current: CaseRequest, detected: DetectedRequest, text: string): boolean {
  if (current.flow !== 'single_item_query' || !faqFlows.has(detected.flow ?? '') || detected.flow === 'single_item_query') return false;
  return !otherTopicCue.test(foldText(text));
}

/** A request made only from the general intent gives way to one told by the retailer's subflow words. */
function shouldSwitch(current: CaseRequest, detected: DetectedRequest, act: LineAct, text: string): boolean {
  if (act !== 'request' || detected.subflow === current.subflow) return false;
  if (faqFollowUp(current, detected, text)) return false;
  if (!current.subflow) return detected.subflow !== null;
  const currentFromWords = current.confidence >= 0.5;
  const newFromWords = detected.score >= 0.5;
  if (!currentFromWords && newFromWords) return true;
  // A new problem of another flow, said as one ("forget that, I forgot my password"), is a new case.
  if (newFromWords && detected.score >= 0.7 && detected.flow !== current.flow && newRequestCue.test(foldText(text))) return true;
  return newFromWords && detected.score > current.confidence + 0.15;
}

const newRequestCue =
  /\?|\b(i want|i need|i'd like|can you|could you|please|also|another thing|forget (that|it)|never mind|forgot|quiero|necesito|puede|podria|tambien|olvide|je veux|je voudrais|pouvez|aussi|oublie|ich mochte|konnen sie|auch|vergessen|quero|preciso|pode|tambem|esqueci)\b/;

/**
 * An answer that says more precisely what the open request is ("the colour is not the one in the photo" after
 * "I want to return a jacket"): same flow, a more specific subflow. The case stays the same case.
 */
function refines(current: CaseRequest, detected: DetectedRequest): boolean {
  if (!detected.subflow || detected.subflow === current.subflow || detected.score < 0.6) return false;
  if (!current.subflow) return true;
  const generic = current.subflow === 'refund_initiate' && current.intent === 'return';
  // "A problem with a shirt", then "the colour is not the one in the photo": the item was the defect's, not an FAQ question.
  if (current.flow === 'single_item_query' && detected.flow === 'product_defect') return true;
  return (generic || current.confidence < 0.5) && (detected.flow === current.flow || current.flow === null);
}

/**
 * "The password is accepted, but the verification code never arrives": before anything was done in the case,
 * the customer's own words for the exact problem (strong words of another subflow of the same flow) say what
 * the case is, over the first guess.
 */
function clarifies(current: CaseRequest, detected: DetectedRequest, context: CaseContext): boolean {
  return detected.subflow !== null && detected.subflow !== current.subflow && detected.flow !== null && detected.flow === current.flow && detected.score >= 0.9 && context.doneTools.length === 0;
}

/** Words that say a value is the new one ("my new number is", "change it to", "el nuevo es"). */
const newValueCue = /\b(new|change (it|this|that|my \w+( \w+)?) to|update (it|this|that|my \w+( \w+)?) to|nuevo|nueva|cambiar(lo)? (a|por)|nouveau|nouvelle|changer (en|pour|par)|neue|neuer|neuen|andern (auf|in)|novo|nova|mudar para)\b/;

const sameName = (a: string, b: string | null): boolean => b !== null && foldText(a) === foldText(b);

/**
 * The name a name change is about. A name that is the record's is the one the customer goes by now, given to
 * identify them: it stands for the change only while no other name was given (and then the ticket waits).
 */
function newNameAfter(previous: string | undefined, said: string, onRecord: string | null): string {
  if (previous && sameName(said, onRecord) && !sameName(previous, onRecord)) return previous;
  return said;
}

/**
 * What one customer line does to the case. Only a request, a complaint or a request for a person opens a
 * case; information fills the open case's slots and identity; the rest changes nothing but the act.
 */
export function updateCaseState(previous: CaseState, line: CaseLine, context: CaseContext): CaseState {
  const index = previous.acts.length;
  // "its 3086 at the end" corrects the tail of a number given before; its digits are no zip of their own.
  const tail = trailingDigitsIn(line.text);
  const identifiers = identifiersIn(line.text, line.entities).filter((item) => !(tail && item.kind === 'zip' && item.value === tail));
  const slots = slotsIn(line.text, line.entities, identifiers, context.now);
  // A short line ("¿y mi reembolso?") is read in the conversation's language, not its own guess.
  const reliable = caseLanguages.has(line.language.code) && line.language.confidence >= 0.5;
  const readAs = reliable || index === 0 ? line.language.code : previous.language;
  const said = detectRequest(line.text, line.intent, readAs);
  const caseOpen = previous.request !== null && !previous.resolved;
  // "And please, no more promo e-mails" in the middle of another request is a preference change beside the
  // case: it is kept as such and neither switches nor refines the open request.
  const optOutHere = caseOpen && said?.preferences === true && previous.request?.intent !== 'newsletter_subscription';
  const detected = optOutHere ? undefined : said;
  const previousAct = previous.acts.at(-1);
  const act = classifyLineAct({ text: line.text, caseOpen, identifiers, slots, request: detected, afterThanks: previousAct === 'acknowledgement' || previousAct === 'closing' });
  let request = caseOpen ? previous.request : null;
  let caseKey = caseOpen ? (previous.caseKey ?? `case-${previous.request?.openedAtLine ?? 0}`) : undefined;
  let merged: CaseSlots = caseOpen ? { ...previous.slots } : {};
  let humanRequested = caseOpen ? (previous.humanRequested ?? false) : false;
  let complaints = caseOpen ? (previous.complaints ?? 0) : 0;
  const opens = act === 'request' || act === 'complaint' || act === 'human_request';
  if (opens) {
    const general: DetectedRequest =
      detected ?? (act === 'human_request' ? { flow: null, subflow: null, intent: 'contact_human_agent', label: 'Wants to talk to a person', score: 0.6 } : act === 'complaint' ? { flow: null, subflow: null, intent: 'complaint', label: 'Complaint', score: 0.5 } : { flow: null, subflow: null, intent: null, label: 'Request', score: 0.2 });
    if (!request) {
      if (detected || act !== 'request') {
        request = openRequest(general, act, index);
        caseKey = `case-${index}`;
        merged = {};
        if (act === 'request' || act === 'complaint') merged.reason = line.text.slice(0, 200);
      }
    } else if (detected && detected.subflow === request.subflow && detected.subflow !== null) {
      request = { ...request, confidence: Number((1 - (1 - request.confidence) * (1 - detected.score * 0.6)).toFixed(2)) };
    } else if (detected && refines(request, detected)) {
      request = { ...request, flow: detected.flow, subflow: detected.subflow, label: detected.label, intent: detected.intent ?? request.intent, confidence: Number(Math.max(request.confidence, detected.score).toFixed(2)) };
    } else if (detected && shouldSwitch(request, detected, act, line.text)) {
      request = { ...openRequest(detected, act, request.openedAtLine), confidence: Number(Math.max(detected.score, request.confidence).toFixed(2)) };
      caseKey = `case-${index}`;
    }
    if (act === 'human_request') humanRequested = true;
    if (act === 'complaint') complaints += 1;
  } else if (request && act === 'information') {
    if (detected && (refines(request, detected) || clarifies(request, detected, context))) request = { ...request, flow: detected.flow, subflow: detected.subflow, label: detected.label, intent: detected.intent ?? request.intent, confidence: Number(Math.max(request.confidence, detected.score).toFixed(2)) };
    else request = { ...request, confidence: Number(Math.min(0.99, request.confidence + 0.03).toFixed(2)) };
  }
  // Identifiers count whatever the line's act: an email given before the case opens still identifies them.
  const given = [...(previous.identity.given ?? [])];
  for (const identifier of identifiers) if (!given.some((item) => item.kind === identifier.kind && item.value.toLowerCase() === identifier.value.toLowerCase())) given.push(identifier);
  const spliced = tail && identifiers.length === 0 ? withTrailingDigits(given, tail) : undefined;
  if (spliced) {
    given.splice(0, given.length, ...spliced.given);
    const slot = spliced.before.kind === 'phone' ? 'phone' : 'orderId';
    if (merged[slot] === spliced.before.value) merged[slot] = spliced.after.value;
  }
  const fills = request !== null && (act === 'information' || opens);
  if (request && fills) {
    // The new value of a change (a delivery time, a payment method) is read knowing which change the case is.
    for (const [key, value] of Object.entries({ ...slots, ...changeSlotsIn(request.subflow, line.text, line.entities) }) as [keyof CaseSlots, string][]) {
      if (key === 'reason' && merged.reason) continue;
      // The flow asks for the current number first (record-reason) and the new one once verified: a number
      // given before that, unless said as the new one, is the current one, misremembered or not.
      if (key === 'phone' && request.subflow === 'manage_change_phone' && previous.identity.status !== 'verified' && !newValueCue.test(foldText(line.text))) continue;
      merged[key] = value;
    }
  }
  // A decline drops the case's offer; a line that opens another case is that request, not a decline.
  const openedHere = caseKey === `case-${index}`;
  let declined = caseOpen && !openedHere ? (previous.declined ?? null) : null;
  // "Never mind the size, the colour is wrong" asks for another thing, and "no need, get me a manager" for a
  // person: neither drops the case. "No, I don't want the refund" names the case's own request: it does.
  const asksOther = (act === 'request' && detected?.subflow != null && detected.subflow !== previous.request?.subflow) || act === 'human_request';
  if (request && !openedHere && !asksOther && mentions(foldText(line.text), 'decline')) declined = { line: index, text: line.text.slice(0, 200) };
  else if (declined && opens && detected && act !== 'human_request') declined = null;
  const optOut = (caseOpen && !openedHere ? (previous.optOut ?? false) : false) || optOutHere;
  const step = request?.subflow ? verificationStep(request.subflow) : null;
  const identity = resolveIdentity({ conversationId: context.conversationId, given, lookup: context.lookup, verificationKinds: step ? verificationIdentifiers(step) : null, previous: previous.identity, slots: merged });
  if (fills && request?.subflow === 'manage_change_name') {
    const name = nameForChange(line.text);
    if (name) merged.newName = newNameAfter(merged.newName, name, identity.customerName);
  }
  const language = index === 0 || (caseLanguages.has(line.language.code) && line.text.trim().length >= 20 && line.language.confidence >= 0.5) ? (caseLanguages.has(line.language.code) ? line.language.code : previous.language) : previous.language;
  const steps = caseSteps(request?.subflow ?? null, identity, merged, context.doneTools, context.orderKnown && identity.customerId !== null, []);
  // Resolved when the customer closes a case whose steps are all done; pending work keeps it open.
  const resolved = request !== null && act === 'closing' && steps.length > 0 && steps.every((item) => item.status === 'done');
  const next: CaseState = {
    request,
    identity,
    slots: merged,
    steps,
    resolved,
    lastAct: act,
    acts: [...previous.acts, act],
    language,
    corrections: previous.corrections,
    humanRequested,
    ...(optOut ? { optOut } : {}),
    complaints,
    declined,
    ...(caseKey ? { caseKey } : {}),
  };
  return applyCorrections(next, context);
}

import { detectLanguage } from '../../language/index';
import { isInternalText } from '../drafting/internal-text';

/**
 * The drafts' metrics of conversations-dev/README.md, as a pure function of the conversations and, for each
 * replayed customer line, the texts of the suggestions shown for it (and their confidence and move, for
 * calibration). Each rate is a mean over the lines or suggestions it applies to; null where nothing applies.
 */
export interface DraftEvalConversation {
  id: string;
  /** "en" when the file has none. */
  language: string;
  flow: string;
  /** ABCD `original`: [speaker, text] with speaker agent | customer | action. */
  original: [string, string][];
  /** 0-based customer-line index after which the customer can be identified, or null. */
  identifyByTurn: number | null;
}

export interface DraftEvalTurn {
  suggestions: { text: string; confidence?: number; move?: string }[];
}

export interface DraftMetrics {
  suggestions: number;
  internalTextRate: number | null;
  repeatedGreetingRate: number | null;
  asksIdentityRate: number | null;
  reAsksIdentityRate: number | null;
  languageMatchRate: number | null;
  nextUtteranceF1: number | null;
  /** Expected calibration error of the first suggestion's confidence that its move is the agent's next move. */
  moveEce: number | null;
  moveAccuracy: number | null;
  perConversation: { id: string; nextUtteranceF1: number | null; languageMatch: number | null }[];
}

const noIdentityFlows = new Set(['storewide_query', 'single_item_query', 'troubleshoot_site']);

const greeting = /^\s*(hi|hello|hey|good (morning|afternoon|evening)|greetings|dear|thanks for reaching out|thank you for (reaching out|contacting)|hola|buenos días|buenas|bonjour|salut|hallo|guten tag|olá|oi|bom dia)\b/i;

/** Asks for a name, username, email or order id (in any of the demo's languages), as a question. */
const identityAsk =
  /(full name|your name|account id|username|user name|e-?mail|order (id|number)|nombre|usuario|correo electrónico|su email|número de pedido|id de cuenta|nom complet|identifiant|nom d'utilisateur|adresse e-mail|numéro de commande|namen|benutzername|e-mail-adresse|bestellnummer|kundennummer|nome completo|nome de usuário|número do pedido|id da conta)/i;

export function asksIdentity(text: string): boolean {
  return text
    .split(/(?<=[.!?])\s+/)
    .some((sentence) => sentence.includes('?') && identityAsk.test(sentence));
}

export function opensWithGreeting(text: string): boolean {
  return greeting.test(text);
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export function tokenF1(candidate: string, reference: string): number {
  const a = tokens(candidate);
  const b = tokens(reference);
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of b) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of a) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The move an agent line makes, read from its words: the label a draft's confidence is checked against. */
export function moveOfAgentText(text: string): 'ask' | 'answer' | 'confirm' | 'close' {
  const lower = text.toLowerCase();
  if (/\b(anything else|have a (wonderful|great|nice|good) day|you're welcome|algo más|autre chose|sonst noch|mais alguma|buen día|bonne journée|schönen tag|ótimo dia)\b/.test(lower)) return 'close';
  if (/\?/.test(text)) return 'ask';
  if (/\b(i've|i have|i'll|i will|done|all set|i'm going to|listo|he |c'est fait|erledigt|pronto|j'ai|ich habe)\b/.test(lower)) return 'confirm';
  return 'answer';
}

/** Expected calibration error over `bins` equal-width bins. */
export function expectedCalibrationError(points: { confidence: number; correct: boolean }[], bins = 10): number | null {
  if (points.length === 0) return null;
  let total = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    const inBin = points.filter((point) => Math.min(bins - 1, Math.floor(point.confidence * bins)) === bin);
    if (inBin.length === 0) continue;
    const accuracy = inBin.filter((point) => point.correct).length / inBin.length;
    const confidence = inBin.reduce((sum, point) => sum + point.confidence, 0) / inBin.length;
    total += (inBin.length / points.length) * Math.abs(accuracy - confidence);
  }
  return total;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/** For each customer line: the agent lines that follow it before the next customer line (action lines skipped). */
function agentRepliesByLine(original: [string, string][]): string[][] {
  const replies: string[][] = [];
  for (const [speaker, text] of original) {
    if (speaker === 'customer') replies.push([]);
    else if (speaker === 'agent' && replies.length > 0) replies.at(-1)?.push(text);
  }
  return replies;
}

export function computeDraftMetrics(conversations: DraftEvalConversation[], replays: DraftEvalTurn[][]): DraftMetrics {
  let suggestions = 0;
  let internal = 0;
  let laterSuggestions = 0;
  let greetings = 0;
  const asks: number[] = [];
  const reAsks: number[] = [];
  const languageMatches: number[] = [];
  const f1s: number[] = [];
  const calibration: { confidence: number; correct: boolean }[] = [];
  const perConversation: DraftMetrics['perConversation'] = [];
  conversations.forEach((conversation, index) => {
    const turns = replays[index] ?? [];
    const replies = agentRepliesByLine(conversation.original);
    const needsIdentity = !noIdentityFlows.has(conversation.flow);
    const ownF1: number[] = [];
    const ownLanguage: number[] = [];
    turns.forEach((turn, line) => {
      const texts = turn.suggestions.map((suggestion) => suggestion.text).filter(Boolean);
      suggestions += texts.length;
      internal += texts.filter(isInternalText).length;
      if (line > 0) {
        laterSuggestions += texts.length;
        greetings += texts.filter(opensWithGreeting).length;
      }
      if (needsIdentity && conversation.identifyByTurn !== null) {
        const asked = texts.some(asksIdentity) ? 1 : 0;
        if (line < conversation.identifyByTurn) asks.push(asked);
        else if (line > conversation.identifyByTurn) reAsks.push(asked);
      }
      if (conversation.language !== 'en') {
        for (const text of texts) {
          const match = detectLanguage(text).code === conversation.language ? 1 : 0;
          languageMatches.push(match);
          ownLanguage.push(match);
        }
      }
      const reply = (replies[line] ?? []).join(' ');
      if (reply) {
        const best = Math.max(0, ...texts.map((text) => tokenF1(text, reply)));
        f1s.push(best);
        ownF1.push(best);
        const top = turn.suggestions[0];
        if (top?.move && typeof top.confidence === 'number') calibration.push({ confidence: top.confidence, correct: top.move === moveOfAgentText(reply) });
      }
    });
    perConversation.push({ id: conversation.id, nextUtteranceF1: mean(ownF1), languageMatch: mean(ownLanguage) });
  });
  return {
    suggestions,
    internalTextRate: suggestions ? internal / suggestions : null,
    repeatedGreetingRate: laterSuggestions ? greetings / laterSuggestions : null,
    asksIdentityRate: mean(asks),
    reAsksIdentityRate: mean(reAsks),
    languageMatchRate: mean(languageMatches),
    nextUtteranceF1: mean(f1s),
    moveEce: expectedCalibrationError(calibration),
    moveAccuracy: calibration.length ? calibration.filter((point) => point.correct).length / calibration.length : null,
    perConversation,
  };
}

/** An ABCD-format conversation file (conversations-dev) as the metrics read it. */
export function draftEvalConversation(raw: { convo_id: number | string; language?: string; scenario: { flow: string }; original: [string, string][]; reference?: { identify_by_turn?: number | null } }): DraftEvalConversation {
  return {
    id: String(raw.convo_id),
    language: raw.language ?? 'en',
    flow: raw.scenario.flow,
    original: raw.original,
    identifyByTurn: raw.reference?.identify_by_turn ?? null,
  };
}

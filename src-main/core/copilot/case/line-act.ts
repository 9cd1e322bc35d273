import type { CaseSlots, LineAct } from './case-types';
import type { DetectedRequest } from './detect-request';
import { foldText, wordsOf } from './fold-text';
import type { SaidIdentifier } from './identifiers';
import { coverage, lexiconPattern, mentions } from './lexicons';

export interface LineActInput {
  text: string;
  caseOpen: boolean;
  identifiers: SaidIdentifier[];
  slots: CaseSlots;
  request: DetectedRequest | undefined;
  /** The previous line was thanks or a closing: a bare "no" now answers "anything else?". */
  afterThanks?: boolean;
}

/** Words that carry nothing once the thanks or the goodbye is taken out ("that's", "so", "very much"). */
const filler = new Set("that's thats that is it it's its so very much really all oh and well you for the help to your just a lot again too ok bien muy tres sehr das es c'est ca".split(' '));

/** The words of the line left once the given lexicons' phrases are taken out, fillers ignored. */
function residue(folded: string, keys: Parameters<typeof coverage>[1][]): string[] {
  let rest = folded;
  for (const key of keys) rest = rest.replace(lexiconPattern(key), ' ');
  return wordsOf(rest).filter((word) => !filler.has(word));
}

/**
 * What one customer line does, without the intent model: rules over the five languages' lexicons, and the
 * identifiers and slot values found in it. A request needs a subflow's words or a request cue with content;
 * an identifier or an answer to the agent is information; what is left is thanks, a closing or small talk.
 */
export function classifyLineAct(input: LineActInput): LineAct {
  const folded = foldText(input.text);
  const words = wordsOf(folded);
  if (words.length === 0) return input.caseOpen ? 'acknowledgement' : 'small_talk';
  if (mentions(folded, 'humanRequest') && !/\b(no|not|don't|dont)\s+(need|want)\s+(a\s+)?(manager|supervisor)/.test(folded)) return 'human_request';
  const hasInfo = input.identifiers.length > 0 || Object.keys(input.slots).some((key) => key !== 'product');
  const complaint = mentions(folded, 'complaint') || /[!?]{2,}/.test(input.text);
  if (!hasInfo && residue(folded, ['acknowledgement', 'closing', 'yesNo', 'greeting']).length === 0) {
    const closing = mentions(folded, 'closing');
    const thanks = mentions(folded, 'acknowledgement');
    const bareNo = /^(no|nope|nah|non|nein|nao|no gracias)$/.test(folded.replace(/[^\p{L} ]/gu, '').trim());
    // A bare "yes" in an open case answers the agent's question; a bare "no" after thanks answers "anything else?".
    const closingPhrase = [...folded.matchAll(lexiconPattern('closing'))].some((match) => !/^(no|nope|nah|non|nein|nao)$/.test(match[0]));
    if (input.caseOpen && !closingPhrase && mentions(folded, 'yesNo') && residue(folded, ['yesNo']).length === 0 && words.length <= 3 && !(bareNo && input.afterThanks)) return 'information';
    if (bareNo && input.afterThanks) return 'closing';
    if (closing && (!thanks || input.caseOpen)) return 'closing';
    if (thanks) return 'acknowledgement';
    if (closing) return 'closing';
    return 'small_talk';
  }
  const cue = mentions(folded, 'requestCue') || input.text.includes('?');
  const onlyIdentifiers = input.identifiers.length > 0 && words.length <= input.identifiers.length * 3 + 2;
  if (input.request && input.request.score >= 0.5 && (input.caseOpen ? cue : !onlyIdentifiers)) return complaint && !cue ? 'complaint' : 'request';
  if (input.caseOpen && cue && !hasInfo && words.length >= 2) return 'request';
  if (hasInfo) return 'information';
  if (complaint && (input.caseOpen || words.length >= 3)) return 'complaint';
  if (input.request && cue) return 'request';
  if (input.caseOpen) {
    // An answer to the agent's question (the reason, the missing item, "in store"): it fills the open case.
    if (residue(folded, ['greeting']).length === 0) return 'small_talk';
    return words.length <= 25 && !/\b(lol|haha|weather|rains?|birthday|nephew|niece|llueve|pleut|regnet|chove)\b/.test(folded) ? 'information' : 'small_talk';
  }
  if (cue && words.length >= 4 && input.request) return 'request';
  return 'small_talk';
}

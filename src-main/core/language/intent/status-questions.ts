import { normalizeForModel } from '../normalize';
import { conceptOf } from './concepts';
import type { IntentScore } from './model';

/**
 * Asking where a refund is always says so: every Bitext track_refund line has a word of checking, waiting
 * or time ("status", "track", "where", "yet", "still", "check", "when", "waiting"). Without one, a refund
 * line is a new refund, however much it looks like the status lines' wording ("a refund for the jacket":
 * "the" is what track_refund's lines say most). The model alone confuses the two; this is the contrast.
 */
const statusStems = /^(updat|news?|yet|still|happen|going|arriv|process|progress|statu|pending|when|where|wait|track|know|expect|already|sent)/;

export function asksAboutStatus(text: string): boolean {
  return normalizeForModel(text)
    .split(' ')
    .some((word) => {
      const concept = conceptOf(word);
      return concept === 'find' || concept === 'see' || concept === 'time' || statusStems.test(word);
    });
}

/** The line names the refund itself ("refund", "reimbursement", "money back"), not only an order. */
function namesRefund(text: string): boolean {
  return normalizeForModel(text)
    .split(' ')
    .some((word) => conceptOf(word) === 'refund' || word === 'money');
}

/**
 * Scores with track_refund's mass moved to get_refund when the line names a refund and asks nothing about
 * its status. A line that names no refund keeps the model's answer: a wrong track_refund only looks
 * something up, a wrong get_refund could start a refund.
 */
export function refundWithoutStatusCue(scores: IntentScore[], text: string): IntentScore[] {
  if (scores[0]?.intent !== 'track_refund' || asksAboutStatus(text) || !namesRefund(text)) return scores;
  const track = scores.find((score) => score.intent === 'track_refund');
  const get = scores.find((score) => score.intent === 'get_refund');
  if (!track || !get) return scores;
  return scores
    .map((score) => (score.intent === 'get_refund' ? { ...score, probability: get.probability + track.probability } : score.intent === 'track_refund' ? { ...score, probability: 0 } : score))
    .sort((a, b) => b.probability - a.probability);
}

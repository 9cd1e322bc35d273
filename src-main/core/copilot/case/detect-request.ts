import { flowOfSubflow, isKnownSubflow, subflowLabel } from './flows';
import { glossToEnglish } from '../../language/intent/gloss';
import { foldText } from './fold-text';
import { intentSubflows, subflowPatterns } from './request-patterns';

export interface DetectedRequest {
  flow: string | null;
  subflow: string | null;
  intent: string | null;
  label: string;
  /** 0..1 for this line alone. */
  score: number;
  /** The line asks to stop promotional e-mails (a contact-preference change). */
  preferences?: true;
}

/** General intents that are requests of their own even without a subflow. */
const generalRequests = new Set(['complaint', 'contact_human_agent', 'contact_customer_service', 'create_account', 'delete_account', 'edit_account', 'switch_account', 'registration_problems', 'newsletter_subscription', 'review', 'payment_issue', 'check_payment_methods', 'check_cancellation_fee', 'delivery_options']);

/** Customers who want fewer e-mails: the general intent's words, in the five languages. */
export const preferencePattern =
  /\b(unsubscribe|stop (sending|emailing)|no more (e-?mails|newsletters|promos?)|(promo|promotional|marketing|advertising|spam) (e-?mails|mails|messages|texts)|newsletters?|darme de baja|dejar de recibir|no (me )?(envien|manden) (mas )?(correos|emails|publicidad)|correos (promocionales|de publicidad)|publicidad por correo|desabonner|desinscrire|ne plus recevoir|(e-?mails|mails|courriels) (promotionnels|publicitaires)|plus de (pub|publicites?|e-?mails|mails|newsletters?)|abmelden|(keine|ohne) ((werbe|e|promo)-?)?(e-?mails|mails|newsletter|werbung)( mehr)?|werbe-?(e-?)?mails|descadastrar|parar de receber|cancelar (a )?inscricao|e-?mails promocionais)\b/;

/** The request a line makes, from the retailer's subflow words first, then the general intent. */
export function detectRequest(text: string, intent: { intent: string; confidence: number } | undefined, language = 'en'): DetectedRequest | undefined {
  const folded = foldText(text);
  // A foreign line is read as it is and as its English gloss: the subflow's words may be in either.
  const gloss = glossToEnglish(text, language);
  const readings = gloss ? [folded, foldText(gloss)] : [folded];
  let best: { subflow: string; score: number; intent?: string } | undefined;
  for (const entry of subflowPatterns) {
    let score = 0;
    for (const reading of readings) {
      let here = 0;
      for (const [pattern, weight] of entry.patterns) if (pattern.test(reading)) here += weight;
      score = Math.max(score, here);
    }
    if (score > 0 && (!best || score > best.score)) best = { subflow: entry.subflow, score, ...(entry.intent ? { intent: entry.intent } : {}) };
  }
  if (readings.some((reading) => preferencePattern.test(reading))) return { flow: null, subflow: null, intent: 'newsletter_subscription', label: 'Contact preferences', score: 0.8, preferences: true };
  if (best && best.score >= 1.5 && isKnownSubflow(best.subflow)) {
    return { flow: flowOfSubflow(best.subflow), subflow: best.subflow, intent: best.intent ?? null, label: best.intent === 'return' ? 'Return' : subflowLabel(best.subflow), score: Math.min(0.95, 0.35 + best.score / 6) };
  }
  if (!intent || intent.intent === 'none' || intent.intent === 'unknown' || intent.confidence < 0.45) return undefined;
  const mapped = intentSubflows[intent.intent];
  if (mapped && isKnownSubflow(mapped)) return { flow: flowOfSubflow(mapped), subflow: mapped, intent: intent.intent, label: subflowLabel(mapped), score: Math.min(0.7, intent.confidence * 0.7) };
  // The model's newsletter intent fires on any "subscription"; the retailer's subscription is a bill, not a
  // mailing list. Only words about e-mails make it a preference change.
  if (intent.intent === 'newsletter_subscription' && !readings.some((reading) => /\b(newsletters?|e-?mails?|mails?|mailing|correos?|courriels?|boletin)\b/.test(reading))) return undefined;
  if (generalRequests.has(intent.intent)) return { flow: null, subflow: null, intent: intent.intent, label: intent.intent.replace(/_/g, ' '), score: Math.min(0.6, intent.confidence * 0.6) };
  return undefined;
}

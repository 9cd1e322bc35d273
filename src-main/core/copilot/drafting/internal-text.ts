/**
 * Text written for agents, not customers: the playbooks' talk about "the customer", step names such as
 * "[Pull up Account]" or "Verify Identity:", the Oracle, the survey, flow names. A draft never carries it;
 * the eval's internal-text rate counts it with the same test.
 */
const stepNames =
  'pull up account|verify identity|validate purchase|record reason|enter details?|offer refund|update order|update account|notify (?:internal )?team|ask the oracle|membership privileges|search faq|select answer|shipping status|make password|send link|promo code|subscription status|end conversation|make purchase|try again|log out/in|instructions';

const internalPatterns: RegExp[] = [
  // Third person about the person the reply is addressed to, in the demo's languages.
  /\b(the|a|this) (customer|client|user)(?:'s|s)?\b/i,
  /\b(el|la|al|del) (cliente|usuario)\b/i,
  /\b(le|la|du|au) (client|cliente|utilisateur)\b/i,
  /\b(der|die|den|dem|des) (kunde|kundin|kunden)\b/i,
  /\b(o|a|do|ao) (cliente|usuário)\b/i,
  /\[[A-Z][A-Za-z/ -]{2,40}\]/,
  new RegExp(`\\b(?:${stepNames})\\s*:`, 'i'),
  /\bthe oracle\b|\boracle (says|returns)\b/i,
  /\b(the|a) survey\b/i,
  /\bplaybook\b|\bsubflow\b|\bflow diagram\b|\btoggle switch\b/i,
  /\b(the|an) agent\b|\bagents (never|must|should|can|may)\b/i,
  /\bend the (conversation|chat)\b/i,
  /\btell (them|the)\b|\bask (them|the)\b|\b(them|their) (username|name|account|order)\b/i,
  /\bwhether or not the conversation\b/i,
  /\bpart of the [a-z -]+ (playbook|flow)\b/i,
];

export function isInternalText(text: string): boolean {
  return internalPatterns.some((pattern) => pattern.test(text));
}

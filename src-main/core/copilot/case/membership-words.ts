/**
 * The membership levels' words in en/es/fr/de/pt, matched on folded text (foldText). One list for the case
 * slots and the drafts' given facts, so the two never read a tier differently.
 */
export const membershipWords: readonly (readonly [RegExp, string])[] = [
  [/\b(gold|oro|or|ouro)\b/, 'gold'],
  [/\b(silver|plata|argent|silber|prata)\b/, 'silver'],
  [/\b(bronze|bronce)\b/, 'bronze'],
  [/\b(guest|invitado|invitada|invite|invitee|gast|convidado|convidada|no membership|not a member|regular)\b/, 'guest'],
];

/** "or" is French gold only when the line is about membership; in English it is a conjunction ("gold or silver?"). */
export function conjunctionOnly(folded: string, level: string): boolean {
  return level === 'gold' && /\bor\b/.test(folded) && !/\b(gold|oro|ouro)\b/.test(folded) && !/\b(membre|niveau)\b/.test(folded);
}

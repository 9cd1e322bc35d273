import type { DetectedLanguage } from '../language-id';
import { glossToEnglish } from './gloss';
import type { IntentModel, IntentResult } from './model';

/**
 * The intent model learned its requests from English Bitext only, so a request in Spanish, French,
 * German or Portuguese shares its features with nothing but the few non-English non-request lines
 * it saw, and comes out "none". A non-English line that speaks of orders, refunds, returns,
 * accounts or delivery, or says "I want", is a request: "unknown" (one the offline model cannot
 * name), never "none". An identifier given on its own ("mi número de pedido es 12345") stays information.
 */
const requestWords =
  /(?<![\p{L}])(?:pedidos?|compras?|commandes?|bestellung(?:en)?|encomendas?|reembolso|remboursement|rückerstattung|erstattung|devol(?:ver|ución|ução|vi)|retour(?:ner)?|rücksendung|zurückschicken|cancel(?:ar|ado)|annul(?:er|é)|stornier(?:en|t)|cambi(?:ar|o)|changer|ändern|mud(?:ar|ei)|alterar|llegad[oa]|lleg[óa]|arriv(?:é|ée|er)|angekommen|chegou|cuenta|compte|konto|conta|contraseña|mot de passe|passwort|senha|env[íi]o|livraison|lieferung|entrega|factura|facture|rechnung|fatura|problema|problème|problem|direcci[óo]n|adresse|endereço|quiero|quisiera|necesito|voudrais|veux|besoin|möchte|brauche|quero|preciso|gostaria|d[óo]nde|où|wo|onde|cu[áa]ndo|quand|wann|quando|pourquoi|warum|agente|persona|humain|mensch|queja|plainte|beschwerde|reclama[çc][ãa]o)(?![\p{L}])/iu;
const identifier = /\S+@\S+|\d{4,}/;

export function guardForeignNone(result: IntentResult, text: string, language: DetectedLanguage): IntentResult {
  if (result.intent !== 'none' || language.code === 'en' || language.confidence < 0.5) return result;
  const words = text.match(/[\p{L}']+/gu) ?? [];
  if (!requestWords.test(text) || (identifier.test(text) && words.length <= 6)) return result;
  return { ...result, intent: 'unknown', act: 'request' };
}

/**
 * A Spanish, French, German or Portuguese line is classified on its English gloss (gloss.ts): the model
 * learned its requests in English, and the gloss carries the same concepts. The gloss's intent is taken
 * when it names a request; a greeting, a thanks or an identifier alone stays what the line itself says.
 */
export function classifyLine(model: IntentModel, text: string, language: DetectedLanguage, topK = 3): IntentResult {
  const own = model.classify(text, topK);
  if (language.confidence < 0.5) return own;
  const gloss = glossToEnglish(text, language.code);
  if (!gloss) return own;
  const glossed = model.classify(`${gloss}${text.includes('?') ? '?' : ''}`, topK);
  const words = text.match(/[\p{L}']+/gu) ?? [];
  const identifierAlone = identifier.test(text) && words.length <= 6;
  if (glossed.intent !== 'none' && glossed.intent !== 'unknown' && !identifierAlone) return glossed;
  if (own.intent === 'none' && glossed.intent === 'none') return own;
  return guardForeignNone(own, text, language);
}

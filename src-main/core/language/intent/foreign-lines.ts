import type { DetectedLanguage } from '../language-id';
import type { IntentResult } from './model';

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

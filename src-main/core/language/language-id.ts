import { franc } from 'franc-min';

export interface DetectedLanguage {
  /** ISO 639-1 where one exists ("en", "es"), else ISO 639-3; "und" when undetermined. */
  code: string;
  confidence: number;
}

const toIso6391: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv', dan: 'da', nob: 'no',
  pol: 'pl', ces: 'cs', ron: 'ro', hun: 'hu', fin: 'fi', tur: 'tr', rus: 'ru', ukr: 'uk', ell: 'el', arb: 'ar',
  heb: 'he', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms',
  tgl: 'tl', swh: 'sw', pes: 'fa', urd: 'ur', bul: 'bg', srp: 'sr', hrv: 'hr', slk: 'sk', cat: 'ca',
};

// Short messages defeat trigram statistics; common function words settle the usual cases.
const shortTextHints: [string, RegExp][] = [
  ['en', /\b(the|my|is|i|you|order|please|thanks|hi|hello|where|help|can|not)\b/i],
  ['es', /\b(el|la|mi|es|por favor|gracias|hola|pedido|dónde|ayuda|no)\b/i],
  ['fr', /\b(le|la|mon|est|merci|bonjour|commande|où|aide|s'il vous plaît)\b/i],
  ['de', /\b(der|die|das|mein|ist|danke|hallo|bestellung|wo|hilfe|bitte)\b/i],
  ['it', /\b(il|mio|è|grazie|ciao|ordine|dove|aiuto)\b/i],
  ['pt', /\b(o|meu|é|obrigad[oa]|olá|pedido|onde|ajuda)\b/i],
];

export function detectLanguage(text: string): DetectedLanguage {
  const clean = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/https?:\/\/\S+|\S+@\S+|\d+/g, ' ').trim();
  if (/[\u3040-\u30ff]/.test(clean)) return { code: 'ja', confidence: 0.9 };
  if (/[\u4e00-\u9fff]/.test(clean)) return { code: 'zh', confidence: 0.85 };
  if (/[\uac00-\ud7af]/.test(clean)) return { code: 'ko', confidence: 0.9 };
  if (clean.length >= 25) {
    const code = franc(clean, { minLength: 10 });
    if (code !== 'und') return { code: toIso6391[code] ?? code, confidence: Math.min(0.95, 0.5 + clean.length / 200) };
  }
  for (const [code, pattern] of shortTextHints) if (pattern.test(clean)) return { code, confidence: 0.5 };
  return { code: clean ? 'en' : 'und', confidence: clean ? 0.3 : 0 };
}

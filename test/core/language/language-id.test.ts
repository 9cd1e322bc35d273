import { describe, expect, it } from 'vitest';
import { conversationLanguage, detectLanguage, reliableLanguageConfidence } from '../../../src-main/core/language/index';

describe('language id on short customer lines', () => {
  it('knows the one- and two-word lines of five languages', () => {
    const cases: [string, string][] = [
      ['Sí, claro', 'es'], ['vale, gracias', 'es'], ['Muchas gracias', 'es'], ['Hola', 'es'],
      ['Merci beaucoup', 'fr'], ["D'accord, merci", 'fr'], ['Bonjour', 'fr'],
      ['Danke!', 'de'], ['Vielen Dank', 'de'], ['Tschüss', 'de'], ['Alles klar', 'de'],
      ['obrigado', 'pt'], ['Obrigada!', 'pt'], ['Olá, tudo bem?', 'pt'], ['não', 'pt'],
      ['thanks!', 'en'], ['Thank you so much', 'en'], ['yes please', 'en'],
    ];
    for (const [text, code] of cases) {
      const detected = detectLanguage(text);
      expect(detected.code, text).toBe(code);
      expect(detected.confidence, text).toBeGreaterThanOrEqual(reliableLanguageConfidence);
    }
  });

  it('detects full sentences in each language', () => {
    expect(detectLanguage('Olá, não recebi o meu pedido e já passou uma semana').code).toBe('pt');
    expect(detectLanguage('Ich möchte meine Lieferadresse ändern, bitte').code).toBe('de');
    expect(detectLanguage('Je voudrais un remboursement pour ma veste').code).toBe('fr');
    expect(detectLanguage('Quiero devolver las botas, son muy pequeñas').code).toBe('es');
    expect(detectLanguage('I want to return the jeans because they are too small').code).toBe('en');
  });

  it('is unsure of lines several languages share, and the conversation keeps its language', () => {
    for (const text of ['no', 'ok', 'super', '3209268863', 'jane@example.com']) expect(detectLanguage(text).confidence, text).toBeLessThan(reliableLanguageConfidence);
    expect(conversationLanguage('ok', 'es').code).toBe('es');
    expect(conversationLanguage('no', 'fr').code).toBe('fr');
    expect(conversationLanguage('3209268863', 'de').code).toBe('de');
    expect(conversationLanguage('Merci beaucoup', 'en').code).toBe('fr');
    expect(conversationLanguage('Where is my order?', 'es').code).toBe('en');
  });
});

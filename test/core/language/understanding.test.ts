import { describe, expect, it } from 'vitest';
import { analyzeSentiment, createLanguageAnalyzer, detectLanguage, loadIntentModel, sentimentTrend } from '../../../src-main/core/language/index';

describe('intent model', () => {
  const model = loadIntentModel();

  it('knows the 27 Bitext intents and the four kinds of non-request, and returns calibrated top intents', () => {
    expect(model.labels.filter((label) => !label.startsWith('none:'))).toHaveLength(27);
    expect(model.labels.filter((label) => label.startsWith('none:')).sort()).toEqual(['none:acknowledgement', 'none:closing', 'none:information', 'none:small_talk']);
    const result = model.classify('i want my money back for the broken blender', 40);
    const total = result.top.reduce((sum, score) => sum + score.probability, 0);
    expect(total).toBeCloseTo(1, 5);
    expect(result.top[0]?.probability).toBeGreaterThanOrEqual(result.top[1]?.probability ?? 0);
  });

  it('understands new phrasings, typos and colloquial language', () => {
    const cases: [string, string][] = [
      ['wheres my stuff?? ordered it ages ago', 'track_order'],
      ['pls cancel the ordr i made yesterday', 'cancel_order'],
      ['i forgot my pasword and cant get in', 'recover_password'],
      ['can i talk to a real human please', 'contact_human_agent'],
      ['how do i unsubscribe from ur emails', 'newsletter_subscription'],
      ['what payment options do u take', 'check_payment_methods'],
    ];
    for (const [text, intent] of cases) expect(model.classify(text).intent, text).toBe(intent);
  });

  it('names no Bitext intent for text that is not a support request', () => {
    for (const text of ['zxq vbnm plorf', 'xyzzy', 'banana smoothie recipe']) expect(['unknown', 'none'], text).toContain(model.classify(text).intent);
    expect(model.classify('cancel my order please').coverage).toBeGreaterThan(0.7);
  });
});

describe('sentiment and frustration', () => {
  it('raises frustration on support cues and explains them', () => {
    const calm = analyzeSentiment('Thanks, that helped a lot!');
    const angry = analyzeSentiment('This is the THIRD time I contact you!!! Fix it or I will switch to another store');
    expect(calm.score).toBeGreaterThan(0.2);
    expect(angry.score).toBeLessThan(0);
    expect(angry.frustration).toBeGreaterThan(0.5);
    expect(angry.cues).toEqual(expect.arrayContaining(['repeated contact', 'threatens to leave', 'repeated punctuation']));
  });

  it('sees a conversation going downhill', () => {
    expect(sentimentTrend([0.4, 0.1, -0.3, -0.6]).worsening).toBe(true);
    expect(sentimentTrend([-0.4, 0, 0.5]).worsening).toBe(false);
  });
});

describe('language detection', () => {
  it('detects common customer languages, short ones included', () => {
    expect(detectLanguage('Where is my order? It should have arrived last week already.').code).toBe('en');
    expect(detectLanguage('Hola, quiero cancelar mi pedido porque llegó roto y nadie me responde.').code).toBe('es');
    expect(detectLanguage('Bonjour, je voudrais un remboursement pour ma commande.').code).toBe('fr');
    expect(detectLanguage('Wo ist meine Bestellung?').code).toBe('de');
  });
});

describe('analyzer', () => {
  it('returns intent, entities, sentiment and language for one message', () => {
    const analysis = createLanguageAnalyzer().analyze('I need a refund for order 3209268863, it arrived damaged');
    expect(analysis.intent.intent).toBe('get_refund');
    expect(analysis.entities).toContainEqual(expect.objectContaining({ type: 'order_id', value: '3209268863' }));
    expect(analysis.sentiment.score).toBeLessThan(0);
    expect(analysis.language.code).toBe('en');
    expect(analysis.redacted).toBe('I need a refund for order ⟨ORDER_1⟩, it arrived damaged');
  });

  it('redacts with one mapping per conversation, names from the CRM included', () => {
    const analyzer = createLanguageAnalyzer();
    const first = analyzer.analyze('Hi, Dana Whit here, write to dana.whit@example.org', { knownNames: ['Dana Whit'] });
    const second = analyzer.analyze('still nothing at dana.whit@example.org');
    expect(first.redacted).toBe('Hi, ⟨NAME_1⟩ here, write to ⟨EMAIL_1⟩');
    expect(second.redacted).toBe('still nothing at ⟨EMAIL_1⟩');
    expect(analyzer.redactor.restore(second.redacted)).toBe('still nothing at dana.whit@example.org');
  });
});

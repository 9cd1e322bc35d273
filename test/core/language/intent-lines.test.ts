import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../../../src-main/core/language/intent/calibration';
import { generateNonRequests } from '../../../src-main/core/language/intent/non-requests';
import { loadIntentModel, noneIntent, type IntentModel } from '../../../src-main/core/language/index';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';

// Written for this test, apart from the training templates: lines a customer sends between requests.
const notRequests: [string, string][] = [
  ['great', 'acknowledgement'],
  ['Thanks a million!', 'acknowledgement'],
  ['ok that works for me', 'acknowledgement'],
  ['yes', 'acknowledgement'],
  ['cheers mate', 'acknowledgement'],
  ['Sí, claro', 'acknowledgement'],
  ['Merci beaucoup', 'acknowledgement'],
  ['Danke!', 'acknowledgement'],
  ['obrigado', 'acknowledgement'],
  ['rachel.green88@gmail.com', 'information'],
  ['my email is m.ortiz@example.net', 'information'],
  ['Rachel Green', 'information'],
  ['it is order 5543120098', 'information'],
  ['I am a gold member', 'information'],
  ['No, I bought it in November.', 'information'],
  ['good morning!', 'small_talk'],
  ['hello there', 'small_talk'],
  ['Bonjour', 'small_talk'],
  ['bye for now', 'closing'],
  ["that's all, have a nice day", 'closing'],
];

const requests: [string, string][] = [
  ['thanks, and where is my order?', 'track_order'],
  ['hi, can I get a refund for these boots', 'get_refund'],
  ['hello, I forgot my password', 'recover_password'],
  ['ok, can I speak to a real person?', 'contact_human_agent'],
  ['my email is wrong in my account, how do I change it', 'edit_account'],
];

describe('intent on real conversation lines', () => {
  const model = loadIntentModel();

  it('answers none, with the kind of line, for thanks, identifiers, small talk and closings', () => {
    let none = 0;
    let kind = 0;
    for (const [text, act] of notRequests) {
      const result = model.classify(text);
      if (result.intent === noneIntent) none += 1;
      if (result.act === act) kind += 1;
    }
    // A miss or two on unseen lines is tolerable; most must be caught.
    expect(none / notRequests.length).toBeGreaterThanOrEqual(0.9);
    expect(kind / notRequests.length).toBeGreaterThanOrEqual(0.75);
  });

  it('still finds the request in a line that also thanks or greets, or carries an identifier', () => {
    for (const [text, intent] of requests) {
      const result = model.classify(text);
      expect(result.intent, text).toBe(intent);
      expect(result.act, text).toBe(intent === 'contact_human_agent' ? 'human_request' : 'request');
    }
  });

  // Bitext's track_refund lines say "the refund" most; every one of them also asks about a status. Without
  // such a word, a refund line is a new refund, greeting or not.
  it('takes a refund line with no status word for a new refund, after a greeting too', () => {
    for (const text of ['hi, I want a refund for the jacket', 'I want a refund for the boots', 'hello! I need a refund for the shirt I bought', 'good morning, refund for the order please']) {
      expect(model.classify(text).intent, text).toBe('get_refund');
    }
    for (const text of ['hi, where is my refund for the jacket?', 'hello, any update on the refund?', 'I returned the boots two weeks ago and still no refund']) {
      expect(model.classify(text).intent, text).toBe('track_refund');
    }
  });

  it('sums the non-request kinds into one none score, so the scores still add up to one', () => {
    const result = model.classify('thank you!', 40);
    expect(result.top.filter((score) => score.intent === noneIntent)).toHaveLength(1);
    expect(result.top.some((score) => score.intent.startsWith('none:'))).toBe(false);
    expect(result.top.reduce((sum, score) => sum + score.probability, 0)).toBeCloseTo(1, 5);
  });

  it('generates varied non-request lines of every kind, reproducibly', () => {
    const lines = generateNonRequests(400, mulberry32(5));
    expect(generateNonRequests(400, mulberry32(5))).toEqual(lines);
    expect(new Set(lines.map((line) => line.intent))).toEqual(new Set(['none:information', 'none:acknowledgement', 'none:small_talk', 'none:closing']));
    expect(new Set(lines.map((line) => line.text)).size).toBeGreaterThan(250);
  });
});

describe('expected calibration error', () => {
  /** A model whose confidence is fixed per line: the metric's arithmetic can be checked by hand. */
  const fixed = (answers: Record<string, [string, number]>): IntentModel => ({
    labels: ['a', 'b'],
    classify: (text) => {
      const [intent, probability] = answers[text] ?? ['a', 0.5];
      return { intent, confidence: probability, top: [{ intent, probability }], act: 'request', coverage: 1 };
    },
  });

  it('is zero when confidence matches accuracy and grows with the gap', () => {
    const examples = [
      { text: '1', intent: 'a' },
      { text: '2', intent: 'a' },
      { text: '3', intent: 'a' },
      { text: '4', intent: 'b' },
    ];
    // Four lines at 0.75 confidence, three right: perfectly calibrated.
    const calibrated = fixed({ 1: ['a', 0.75], 2: ['a', 0.75], 3: ['a', 0.75], 4: ['a', 0.75] });
    expect(expectedCalibrationError(calibrated, examples).ece).toBeCloseTo(0, 10);
    // Same answers at 0.95: |0.95 - 0.75| = 0.2.
    const overconfident = fixed({ 1: ['a', 0.95], 2: ['a', 0.95], 3: ['a', 0.95], 4: ['a', 0.95] });
    expect(expectedCalibrationError(overconfident, examples).ece).toBeCloseTo(0.2, 10);
    // "none:…" gold labels are scored as plain "none".
    expect(expectedCalibrationError(fixed({ x: [noneIntent, 1] }), [{ text: 'x', intent: 'none:closing' }]).ece).toBeCloseTo(0, 10);
  });
});

describe('non-English lines through the analyzer', () => {
  it('never calls a Spanish, French, German or Portuguese request "none", and keeps their thanks and identifiers as non-requests', async () => {
    const { createLanguageAnalyzer } = await import('../../../src-main/core/language/index');
    const analyzer = createLanguageAnalyzer();
    for (const text of ['Hola, mi paquete no ha llegado todavía', 'je voudrais annuler ma commande', 'Ich brauche eine Rückerstattung', 'quero mudar o endereço de entrega']) {
      const { intent } = analyzer.analyze(text);
      expect(intent.intent, text).not.toBe(noneIntent);
      expect(intent.act, text).toBe('request');
    }
    for (const text of ['Muchas gracias por todo', 'Merci beaucoup', 'Danke schön', 'mi número de pedido es 5543120098', "je m'appelle Camille Moreau"]) {
      expect(analyzer.analyze(text).intent.intent, text).toBe(noneIntent);
    }
  });
});

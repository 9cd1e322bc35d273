import { describe, expect, it } from 'vitest';
import { nameForChange, changeSlotsIn } from '../../../src-main/core/copilot/case/change-values';
import { detectRequest } from '../../../src-main/core/copilot/case/detect-request';
import { detectLanguage } from '../../../src-main/core/language/index';

/** Phrasings met in the blind conversations 9733–9748, and others of the same kind in the four languages. */
describe('requests read from the customer\'s words', () => {
  it('a purchase some days ago and a lower price today is a price drop, in four languages', () => {
    for (const [language, line] of [
      ['de', 'ich habe gestern Stiefel von Michael Kors bei Ihnen gekauft, für 120 Dollar. Heute kosten die gleichen nur noch 95!!'],
      ['en', 'I bought a jacket yesterday for $80 and today it is $60'],
      ['es', 'compré unas botas ayer a 120 y hoy están a 95'],
      ['fr', "j'ai acheté une veste hier pour 90 dollars, aujourd'hui elle coûte 70"],
    ] as const) expect(detectRequest(line, undefined, language)?.subflow, line).toBe('bad_price_yesterday');
    // Either half alone is not one.
    expect(detectRequest('I bought it yesterday', undefined, 'en')?.subflow).not.toBe('bad_price_yesterday');
    expect(detectRequest('I ordered yesterday and now I need to change the address', undefined, 'en')?.subflow).toBe('manage');
  });

  it('"sale" is dirty only in French after a verb: Spanish "sale en mi cuenta" is a name change, English "sale" nothing', () => {
    expect(detectRequest('buenas, quiero cambiar el nombre que sale en mi cuenta', undefined, 'es')?.subflow).toBe('manage_change_name');
    expect(detectRequest('la chemise est arrivée sale', undefined, 'fr')?.subflow).toBe('return_stain');
    expect(detectRequest('is the sale still on?', undefined, 'en')?.subflow).toBeUndefined();
  });

  it('a problem with an item is not a question about it; questions about the levels and a subscription payment are', () => {
    expect(detectRequest('Hallo, ich hab ein Problem mit einem Hemd', undefined, 'de')?.subflow).not.toBe('shirt');
    expect(detectRequest('kann ich das zurückschicken?', undefined, 'de')?.intent).toBe('return');
    expect(detectRequest('whats the difference between your membership levels? like bronze silver gold', undefined, 'en')?.subflow).toBe('membership');
    expect(detectRequest('ok so what do you actually get with gold, is it worth it', undefined, 'en')?.subflow).toBe('membership');
    expect(detectRequest('ayer pagué la suscripción premium pero no sé si se procesó', undefined, 'es')?.subflow).toBe('status_active');
  });
});

describe('values a change carries', () => {
  it('a corrected name is the line\'s last sentence, after the apology', () => {
    expect(nameForChange('ay no, márquez con z, perdón. elena marquez soto')).toBe('elena marquez soto');
    expect(nameForChange('pardon, avec un t. Marie Dupont Leroy')).toBe('Marie Dupont Leroy');
    expect(nameForChange('ok. sounds good')).toBeUndefined();
  });

  it('in a refund-status case, where the refund should go instead; a question about the card is not a new method', () => {
    expect(changeSlotsIn('refund_status', 'se puede mandar a otro lado? tengo paypal', []).paymentMethod).toBe('PayPal');
    expect(changeSlotsIn('refund_status', 'can you send it to my debit card instead?', []).paymentMethod).toBe('debit card');
    expect(changeSlotsIn('refund_status', 'uy a la tarjeta? esa la cancelé en enero', []).paymentMethod).toBeUndefined();
    expect(changeSlotsIn('refund_status', 'was it refunded to my paypal?', []).paymentMethod).toBeUndefined();
  });
});

describe('the language of a stretched greeting', () => {
  it('reads "holaa", "merciii" and "hallooo" as the words they stretch', () => {
    expect(detectLanguage('holaa').code).toBe('es');
    expect(detectLanguage('merciii').code).toBe('fr');
    expect(detectLanguage('hallooo').code).toBe('de');
    expect(detectLanguage('Puedo hacer ese cambio ahora mismo.').code).toBe('es');
  });
});

import { describe, expect, it } from 'vitest';
import { emptyCaseState, type CaseSlots, type CaseState } from '../../../src-main/core/copilot/case/case-types';
import { checkChangeTicket } from '../../../src-main/core/copilot/case/change-ticket-policy';
import type { CustomerContext } from '../../../src-main/core/copilot/types';

const customer: CustomerContext = {
  id: 'c1',
  name: 'Ana Ruiz',
  email: 'ana@example.com',
  username: 'anar',
  phone: '617-555-0199',
  address: '12 Oak Street, Boston MA 02110',
  membership: 'gold',
  lifetimeValue: 0,
  orders: [],
  openTickets: [],
  memory: [],
  identifiedBy: 'email',
};
const now = new Date('2020-03-01T12:00:00Z');

function caseOf(subflow: string, slots: CaseSlots = {}): CaseState {
  return { ...emptyCaseState(), request: { flow: null, subflow, intent: null, label: subflow, confidence: 1, openedAtLine: 0 }, slots };
}
const ticket = (content: string): Record<string, unknown> => ({ customerId: 'c1', subject: 'Change requested', content, priority: 'MEDIUM' });

describe('the change-ticket check of the case policy', () => {
  it.each([
    ['manage_change_address', 'Customer moved, address to be confirmed.', 'new address'],
    ['manage', 'Change the shipping address of the order.', 'new address'],
    ['status_delivery_time', 'Customer wants another delivery slot.', 'new delivery day or time'],
    ['status_payment_method', 'Customer wants to change how they pay.', 'payment method the customer wants to use'],
  ])('refuses a %s ticket without the new value, and says what to ask', (subflow, content, what) => {
    expect(checkChangeTicket('create_ticket', ticket(content), caseOf(subflow), customer, now)).toEqual({ allowed: false, reason: `The ${what} is not known yet: ask the customer for it.` });
  });

  it.each([
    ['manage_change_address', 'New address: 540 Maple Ave, Evanston IL 60201'],
    ['status_delivery_time', 'Deliver on Friday evening instead.'],
    ['status_payment_method', 'Switch the payment to PayPal.'],
    ['manage_change_phone', 'New number +1 (312) 555-0148, old one 617-555-0199'],
    ['manage_change_name', 'Change the account name from Ana Ruiz to Ana Berg'],
  ])('lets a %s ticket through when it carries the new value', (subflow, content) => {
    expect(checkChangeTicket('create_ticket', ticket(content), caseOf(subflow), customer, now)).toEqual({ allowed: true });
  });

  it('refuses the address on file, and lets the case\'s own new value through whatever the ticket says', () => {
    expect(checkChangeTicket('create_ticket', ticket('Address: 12 Oak Street, Boston MA 02110'), caseOf('manage_change_address'), customer, now).allowed).toBe(false);
    expect(checkChangeTicket('create_ticket', ticket('Update the phone.'), caseOf('manage_change_phone', { phone: '3125550148' }), customer, now)).toEqual({ allowed: true });
    expect(checkChangeTicket('create_ticket', ticket('Update the phone.'), caseOf('manage_change_phone', { phone: '6175550199' }), customer, now)).toEqual({
      allowed: false,
      reason: 'The new phone number is not known yet (what the customer gave is the one on file): ask the customer for it.',
    });
  });

  it('leaves other tools and cases alone', () => {
    expect(checkChangeTicket('escalate_to_human', {}, caseOf('manage_change_phone'), customer, now)).toEqual({ allowed: true });
    expect(checkChangeTicket('create_ticket', ticket('Zipper broke'), caseOf('product_defect'), customer, now)).toEqual({ allowed: true });
  });
});

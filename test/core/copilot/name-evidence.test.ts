import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src-main/core/language/index';
import { emptyCaseState, type CaseState } from '../../../src-main/core/copilot/case/case-types';
import type { ContactIdentifiers } from '../../../src-main/core/copilot/case/identity';
import { updateCaseState } from '../../../src-main/core/copilot/case/update-case';
import { fakeIdentityLookup } from './fake-identity-lookup';

// Two contacts share a name: what the customer says about their own purchase tells them apart, never a guess.
const contacts: ContactIdentifiers[] = [
  {
    id: 'c-ines',
    name: 'Ines Duarte',
    email: 'iduarte512@email.com',
    username: 'iduarte512',
    phone: '(212) 555-0143',
    accountId: null,
    zip: '10025',
    orderIds: ['5120938476'],
    evidence: { city: 'New York', address: '88 Amsterdam Ave', membership: 'silver', orders: [{ id: '5120938476', total: 45, placedAt: '2020-01-10T12:00:00.000Z', items: [{ name: 'Calvin Klein Shirt', amount: 45 }] }] },
  },
  {
    id: 'c-ines-2',
    name: 'Ines Duarte',
    email: 'ines.d@example.org',
    username: 'inesd77',
    phone: '(415) 555-0199',
    accountId: null,
    zip: '94110',
    orderIds: ['7001122334'],
    evidence: { city: 'San Francisco', address: '12 Valencia St', membership: 'silver', orders: [{ id: '7001122334', total: 55, placedAt: '2019-10-02T12:00:00.000Z', items: [{ name: 'Guess Jeans', amount: 55 }] }] },
  },
];

function run(lines: string[]): CaseState[] {
  let state = emptyCaseState();
  return lines.map((text) => {
    state = updateCaseState(state, { text, intent: undefined, entities: extractEntities(text), language: { code: 'en', confidence: 0.6 } }, { conversationId: 'conv', lookup: fakeIdentityLookup(contacts, null), now: new Date('2020-02-01T12:00:00Z'), doneTools: [], orderKnown: true });
    return state;
  });
}

describe('a name two contacts share, told apart by what the customer said', () => {
  it('takes the one whose order holds the product the customer names, and says why', () => {
    const states = run(['my calvin klein shirt came with a stain, I want to return it', 'Ines Duarte']);
    const identity = states.at(-1)?.identity;
    expect(identity).toMatchObject({ status: 'identified', customerId: 'c-ines', source: 'customer' });
    expect(identity?.basis).toMatch(/2 contacts are named Ines Duarte; only this one's record bears out .*calvin klein shirt is on order 5120938476/);
  });

  it('takes the one whose order the amount the customer gives belongs to', () => {
    const states = run(['I was charged $55 for something I returned', 'Ines Duarte']);
    expect(states.at(-1)?.identity).toMatchObject({ customerId: 'c-ines-2' });
    expect(states.at(-1)?.identity.basis).toMatch(/\$55\.00 is an amount of order 7001122334/);
  });

  it('stays ambiguous when what was said fits both records, or neither', () => {
    expect(run(['I am a silver member and want to return a jacket', 'Ines Duarte']).at(-1)?.identity).toMatchObject({ status: 'claimed', customerId: null, ambiguousName: { value: 'Ines Duarte', contacts: 2 } });
    expect(run(['there is a charge for some service I never signed up for', 'Ines Duarte', 'something called premium express', '$19']).at(-1)?.identity).toMatchObject({ status: 'claimed', customerId: null });
  });

  it('keeps the contact once found, and gives way to nothing the customer says later', () => {
    const states = run(['my calvin klein shirt came with a stain, I want to return it', 'Ines Duarte', 'I also bought guess jeans for $55']);
    expect(states.at(-1)?.identity).toMatchObject({ customerId: 'c-ines' });
    expect(states.at(-1)?.identity.basis).toMatch(/calvin klein shirt/);
  });
});

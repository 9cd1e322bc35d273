import { describe, expect, it } from 'vitest';
import { emptyCaseState } from '../../../src-main/core/copilot/case/case-types';
import { slotsIn } from '../../../src-main/core/copilot/case/slots';
import { givenFacts } from '../../../src-main/core/copilot/drafting/signals';

// The case slots and the drafts' given facts read a tier from one word list: the same line, the same tier.
describe('the membership words the case and the drafts share', () => {
  const now = new Date('2020-03-01T12:00:00Z');
  it.each([
    ['gold', 'gold'],
    ['soy plata', 'silver'],
    ['je suis invitée', 'guest'],
    ['ich bin Gast', 'guest'],
    ['no membership', 'guest'],
    ['sou convidada', 'guest'],
    ['Bronze. And I want the 15 dollars back for the fee you charged me', 'bronze'],
  ])('%s → %s in both', (line, level) => {
    expect(slotsIn(line, [], [], now).membership).toBe(level);
    expect(givenFacts([line], emptyCaseState(), null).membership).toBe(level);
  });

  it('reads English "or" as a conjunction in both', () => {
    expect(slotsIn('yes or no', [], [], now).membership).toBeUndefined();
    expect(givenFacts(['yes or no'], emptyCaseState(), null).membership).toBeNull();
  });
});

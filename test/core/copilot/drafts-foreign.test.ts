import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { phrase } from '../../../src-main/core/copilot/drafting/templates';
import { isInternalText } from '../../../src-main/core/copilot/drafting/internal-text';
import { asksIdentity, opensWithGreeting } from '../../../src-main/core/copilot/eval/draft-metrics';
import type { EvalConversation } from '../../../src-main/core/copilot/eval/eval-types';
import { replayConversation, type ReplayOutput } from '../../../src-main/core/copilot/replay';
import { detectLanguage } from '../../../src-main/core/language/index';

/**
 * Spanish, French and German customers, written for the drafts (test/fixtures/conversations/drafts-*.json),
 * replayed offline on the demo workspace; each draft is read as the customer would receive it.
 */
const dir = join(process.cwd(), 'test', 'fixtures', 'conversations');
const files = readdirSync(dir).filter((name) => /^drafts-(es|fr|de)-.*\.json$/.test(name)).sort();
const replayed: { file: string; conversation: EvalConversation; replay: ReplayOutput }[] = [];

// English template sentences and fillers; none may reach a customer who writes in another language.
const englishSentences = (['howCanIHelp', 'lookingIntoIt', 'anythingElse', 'youreWelcome', 'goodbye', 'askClarify', 'thanks', 'askNewAddress'] as const).map((key) => phrase('en', key));

beforeAll(async () => {
  for (const file of files) {
    const conversation = JSON.parse(readFileSync(join(dir, file), 'utf8')) as EvalConversation;
    replayed.push({ file, conversation, replay: await replayConversation(conversation) });
  }
}, 240_000);

describe('drafts for Spanish, French and German customers', () => {
  it('has conversations in each of the three languages', () => {
    expect(new Set(replayed.map((item) => item.conversation.language))).toEqual(new Set(['es', 'fr', 'de']));
    expect(replayed.length).toBeGreaterThanOrEqual(4);
  });

  it("writes every draft in the customer's language, with no English filler and no agent-facing text", () => {
    for (const { file, conversation, replay } of replayed) {
      const texts = replay.turns.flatMap((turn) => turn.suggestions.map((suggestion) => suggestion.text));
      expect(texts.length, file).toBeGreaterThan(replay.turns.length - 1);
      for (const text of texts) {
        expect(detectLanguage(text).code, `${file}: ${text}`).toBe(conversation.language);
        expect(isInternalText(text), `${file}: ${text}`).toBe(false);
        for (const english of englishSentences) expect(text, file).not.toContain(english);
        // No English word for a status or an amount written the English way.
        expect(text, file).not.toMatch(/\b(delivered|shipped|processing)\b/);
        if (conversation.language !== 'es') expect(text, file).not.toMatch(/\$\d/);
      }
    }
  });

  it('greets once, on the first line, and asks at most one question per draft', () => {
    for (const { file, replay } of replayed) {
      expect(replay.turns[0]?.suggestions.some((suggestion) => opensWithGreeting(suggestion.text)), file).toBe(true);
      for (const turn of replay.turns.slice(1)) for (const suggestion of turn.suggestions) expect(opensWithGreeting(suggestion.text), `${file}: ${suggestion.text}`).toBe(false);
      for (const turn of replay.turns) for (const suggestion of turn.suggestions) expect(suggestion.text.split('?').length - 1, `${file}: ${suggestion.text}`).toBeLessThanOrEqual(1);
    }
  });

  it('asks for the account before the customer gives it and never again after', () => {
    for (const { file, conversation, replay } of replayed) {
      const by = conversation.reference?.identify_by_turn;
      if (by === null || by === undefined || conversation.scenario.flow === 'storewide_query') continue;
      expect(replay.turns.slice(0, by).some((turn) => turn.suggestions.some((suggestion) => asksIdentity(suggestion.text))), file).toBe(true);
      // The line after the last identifier: the flow's next question, never the identifiers again.
      const after = replay.turns.findIndex((turn, index) => index > by && turn.case.identity === 'verified');
      for (const turn of replay.turns.slice(after + 1)) expect(turn.suggestions.some((suggestion) => asksIdentity(suggestion.text)), `${file}: ${turn.text}`).toBe(false);
    }
  });

  it('never repeats a filler, and answers thanks and goodbyes with closing drafts only', () => {
    for (const { file, conversation, replay } of replayed) {
      const filler = phrase(conversation.language as 'es' | 'fr' | 'de', 'lookingIntoIt');
      expect(replay.turns.filter((turn) => turn.suggestions.some((suggestion) => suggestion.text.includes(filler))).length, file).toBeLessThanOrEqual(1);
      const last = replay.turns.at(-1);
      expect(last?.suggestions.length, file).toBeGreaterThan(0);
      expect(last?.suggestions.every((suggestion) => suggestion.move === 'close'), `${file}: ${last?.text}`).toBe(true);
      const thanks = replay.turns.at(-2);
      expect(thanks?.suggestions.every((suggestion) => suggestion.move === 'close'), `${file}: ${thanks?.text}`).toBe(true);
    }
  });

  it('asks for the new address an address change needs, then offers the change once it is given', () => {
    const item = replayed.find((entry) => entry.conversation.scenario.subflow === 'manage_change_address');
    if (!item) throw new Error('the German address change was not replayed');
    const askAt = item.replay.turns.findIndex((turn) => turn.suggestions.some((suggestion) => suggestion.text.includes(phrase('de', 'askNewAddress'))));
    const givenAt = item.replay.turns.findIndex((turn) => /^\d+ \w+ (ave|st)\b/i.test(turn.text));
    expect(askAt).toBeGreaterThan(0);
    expect(askAt).toBeLessThan(givenAt);
    expect(item.replay.turns[givenAt]?.suggestions[0]?.text).toContain(phrase('de', 'ticketOffer'));
  });
});

import { describe, expect, it } from 'vitest';
import { emptyCaseState } from '../../../src-main/core/copilot/case/case-types';
import type { NodeDeps } from '../../../src-main/core/copilot/deps';
import { retrieveKnowledgeNode } from '../../../src-main/core/copilot/nodes/retrieve-knowledge';
import type { CopilotStateType } from '../../../src-main/core/copilot/state';
import type { KnowledgeRef } from '../../../src-main/core/copilot/types';
import type { KnowledgeHit } from '../../../src-main/core/knowledge/types';

const hit = (articleId: string, section: string, chunkText: string, subflows?: string[]): KnowledgeHit => ({ articleId, title: articleId, section, snippet: '', highlights: [], score: 0.03, kind: 'help-centre', kindOrigin: 'declared', language: 'fr', chunkText, ...(subflows ? { subflows } : {}) });

// The search gives one passage per article: the case's own article is read whole, so a draft can quote the section asked about.
describe('the passages of the case article', () => {
  const giftWrap = hit('hc-pricing-faq-fr', 'Emballage cadeau', "Nous proposons l'emballage cadeau.", ['pricing']);
  const express = hit('hc-pricing-faq-fr', 'Livraison express', 'La livraison express coûte 20 $.', ['pricing']);
  const other = hit('hc-two-factor-reset-fr', 'Protéger votre compte', 'Nous vous enverrons un lien.', ['reset_2fa']);
  const deps = (withPassages: boolean): NodeDeps =>
    ({
      ports: {
        searchKnowledge: async (_query: string, options?: { kinds?: string[] }) => (options?.kinds?.includes('playbook') ? [] : [other, giftWrap]),
        ...(withPassages ? { articlePassages: async (articleId: string) => (articleId === 'hc-pricing-faq-fr' ? [{ ...giftWrap, subflows: undefined }, { ...express, subflows: undefined }] : []) } : {}),
      },
    }) as unknown as NodeDeps;
  const state = {
    turns: [{ role: 'customer', text: 'et la livraison express, ça coûte combien ?', at: '2020-01-01T00:00:00Z' }],
    intents: [],
    caseState: { ...emptyCaseState(), language: 'fr', request: { flow: 'storewide_query', subflow: 'pricing', intent: null, label: 'Pricing', confidence: 0.8, openedAtLine: 0 } },
  } as unknown as CopilotStateType;

  it('adds the sections the search did not return, marked with the case subflow, once each', async () => {
    const update = await retrieveKnowledgeNode(deps(true))(state);
    const knowledge = (update.knowledge ?? []) as KnowledgeRef[];
    const sections = knowledge.map((ref) => `${ref.articleId}|${ref.section}`);
    expect(sections).toEqual(['hc-two-factor-reset-fr|Protéger votre compte', 'hc-pricing-faq-fr|Emballage cadeau', 'hc-pricing-faq-fr|Livraison express']);
    expect(knowledge.at(-1)?.subflows).toEqual(['pricing']);
    // Only the added section is read whole; the search's own passages stay ranked hits for the model's prompt.
    expect(knowledge.map((ref) => ref.readWhole === true)).toEqual([false, false, true]);
  });

  it('keeps the search as it was where the port cannot read an article', async () => {
    const update = await retrieveKnowledgeNode(deps(false))(state);
    expect(((update.knowledge ?? []) as KnowledgeRef[]).map((ref) => ref.section)).toEqual(['Protéger votre compte', 'Emballage cadeau']);
  });
});

import type { KnowledgeHit } from '../../knowledge/types';
import type { CaseSummary } from './summary';
import { isHelpCentre } from './compose';

/** An answer for the agent (not the customer), with where it comes from. */
export interface CopilotAnswer {
  answer: string;
  sources: { kind: 'case' | 'help-centre' | 'playbook'; articleId?: string; title: string; section?: string }[];
  source: 'offline' | 'llm';
}

const conversationWords = /\b(this (customer|conversation|case|order)|already|did we|have we|was (it|the)|is (she|he|the customer|identity)|verified|identity|what does .* want|pending|refunded|approved|escalated|their|they)\b/i;

function topicLines(summary: CaseSummary, question: string): string[] {
  const lower = question.toLowerCase();
  const lines: string[] = [];
  const actionWord = /\brefund/.test(lower) ? /refund/i : /\bticket|change/.test(lower) ? /ticket|update/i : /\bescalat|manager/.test(lower) ? /escalation/i : undefined;
  if (actionWord) {
    const done = summary.done.filter((line) => actionWord.test(line));
    const pending = summary.pending.filter((line) => actionWord.test(line));
    lines.push(done.length ? `Yes: ${done.join('; ')}.` : 'No, nothing of that kind has been done in this conversation.');
    if (pending.length) lines.push(`Pending: ${pending.join('; ')}.`);
  }
  if (/\b(identity|verified|who is|identified)\b/.test(lower)) lines.push(`Identity: ${summary.identity}.`);
  if (/\b(want|asking|about|need)\b/.test(lower)) lines.push(`The request: ${summary.wants}.`);
  if (lines.length === 0) lines.push(`Wants: ${summary.wants}.`, `Identity: ${summary.identity}.`, `Done: ${summary.done.join('; ') || 'nothing yet'}.`, `Pending: ${summary.pending.join('; ') || 'nothing'}.`);
  return lines;
}

const tierPattern = /\b(gold|silver|bronze|guest)\b/i;

function passageSentences(hit: KnowledgeHit, question: string): string[] {
  const words = new Set(question.toLowerCase().match(/[a-zà-ÿ]{4,}/g) ?? []);
  const tier = tierPattern.exec(question)?.[1]?.toLowerCase();
  return hit.chunkText
    .replace(/\*\*|__|`/g, '')
    .replace(/^#+\s.*$/gm, '')
    .replace(/^\s*(?:\d+\.|[-*])\s+/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 15 && !/\[[A-Z]/.test(sentence))
    .map((sentence, index) => {
      const lower = sentence.toLowerCase();
      const overlap = [...words].filter((word) => lower.includes(word)).length;
      const tierBonus = tier && lower.includes(tier) ? 5 : 0;
      return { sentence, score: overlap + tierBonus - index * 0.01 };
    })
    .filter((entry) => entry.score >= 1)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map((entry) => entry.sentence);
}

/**
 * The offline answer to the agent's question: from the case when it is about this conversation, from the
 * best help-centre and playbook passages when it is about the policies, with both where it is unclear.
 */
export function answerOffline(question: string, summary: CaseSummary | null, hits: KnowledgeHit[]): CopilotAnswer {
  const parts: string[] = [];
  const sources: CopilotAnswer['sources'] = [];
  const aboutCase = summary !== null && conversationWords.test(question);
  if (aboutCase && summary) {
    parts.push(...topicLines(summary, question));
    sources.push({ kind: 'case', title: 'This conversation' });
  }
  if (!aboutCase || parts.length === 0 || hits.length > 0) {
    for (const hit of [...hits].sort((a, b) => Number(isHelpCentre(b)) - Number(isHelpCentre(a)))) {
      if (aboutCase && sources.length > 1) break;
      const sentences = passageSentences(hit, question);
      if (sentences.length === 0) continue;
      parts.push(sentences.join(' '));
      sources.push({ kind: isHelpCentre(hit) ? 'help-centre' : 'playbook', articleId: hit.articleId, title: hit.title, ...(hit.section ? { section: hit.section } : {}) });
      if (sources.filter((item) => item.kind !== 'case').length >= 2) break;
    }
  }
  if (parts.length === 0) return { answer: 'I found nothing on that in this conversation or the knowledge base. Try other words, or search the Knowledge tab.', sources: [], source: 'offline' };
  return { answer: parts.join('\n'), sources, source: 'offline' };
}

import type { AIMessageChunk } from '@langchain/core/messages';
import type { NodeDeps } from '../deps';
import { describeLlmError } from '../llm-errors';
import { caseForDrafts } from '../drafting/case-view';
import { composeDrafts } from '../drafting/compose';
import { draftTask } from '../drafting/llm-brief';
import { conversationLanguage } from '../drafting/signals';
import { buildPrompt } from '../prompt';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { sanitizeSuggestion } from '../text-safety';
import type { Suggestion } from '../types';

const citationPattern = /\[([a-z0-9][a-z0-9_-]{1,80})\]/gi;

function chunkText(chunk: AIMessageChunk): string {
  return typeof chunk.content === 'string' ? chunk.content : chunk.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * Where the text still has an unfinished construct that sanitising may remove: a placeholder or link
 * text ("[…", "⟨…"), a link target ("](…"), a tag ("<…"). Text from there on waits for more tokens.
 */
function holdBackFrom(raw: string): number {
  let hold = raw.length;
  const placeholder = raw.lastIndexOf('⟨');
  if (placeholder >= 0 && !raw.slice(placeholder).includes('⟩')) hold = placeholder;
  const open = raw.lastIndexOf('[');
  if (open >= 0 && !raw.slice(open).includes(']')) hold = Math.min(hold, open);
  const target = raw.lastIndexOf('](');
  if (target >= 0 && !raw.slice(target).includes(')')) hold = Math.min(hold, Math.max(0, raw.lastIndexOf('[', target)));
  const tag = raw.lastIndexOf('<');
  if (tag >= 0 && !raw.slice(tag).includes('>')) hold = Math.min(hold, tag);
  // The last word may still be growing into "javascript:" or "![": it waits for the next space.
  return raw.slice(0, hold).search(/\S*$/);
}

/**
 * Emits restored, sanitised text as it streams: the agent's window gets the same text the final
 * suggestion has, never a remote image or link that sanitising would strip at the end.
 */
function restoringStreamer(restore: (text: string) => string, emit: (token: string) => void): { push(raw: string): void; flush(): void } {
  let raw = '';
  let sent = '';
  const release = (final: boolean): void => {
    const visible = sanitizeSuggestion(restore(final ? raw : raw.slice(0, holdBackFrom(raw))));
    // Sanitising trims; only ever append, so a token is never taken back.
    if (visible.length > sent.length && visible.startsWith(sent)) {
      emit(visible.slice(sent.length));
      sent = visible;
    }
  };
  return {
    push(piece) {
      raw += piece;
      release(false);
    },
    flush: () => release(true),
  };
}

/** 1–3 replies citing the knowledge they use: the model's, streamed token by token, and the offline ones beside it. */
export function draftRepliesNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const caseState = caseForDrafts(state);
    const offline = composeDrafts({ caseState, customer: state.customer, knowledge: state.knowledge, proposals: state.proposals, turns: state.turns });
    if (!deps.llm) return { suggestions: offline.slice(0, 3) };
    const redactor = deps.redactorFor(state.conversationId, state.customer);
    const language = offline[0]?.language ?? conversationLanguage(state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text), caseState.language);
    const task = draftTask({ caseState, customer: state.customer, knowledge: state.knowledge, proposals: state.proposals, turns: state.turns, language, offline }, redactor);
    const prompt = buildPrompt(state, redactor, deps.tokenBudget, task);
    try {
      const streamer = restoringStreamer(redactor.restore, (token) => deps.onToken?.(state.conversationId, 0, token));
      let raw = '';
      const stream = await deps.llm.stream(prompt, { tags: ['copilot-draft'] });
      for await (const chunk of stream) {
        const piece = chunkText(chunk);
        raw += piece;
        streamer.push(piece);
      }
      streamer.flush();
      const known = new Map(state.knowledge.map((hit) => [hit.articleId.toLowerCase(), hit]));
      const cited = [...raw.matchAll(citationPattern)].map((match) => known.get((match[1] ?? '').toLowerCase())).filter((hit) => hit !== undefined);
      const text = sanitizeSuggestion(redactor.restore(raw));
      const suggestion: Suggestion = {
        text,
        citations: [...new Map(cited.map((hit) => [hit.articleId, { articleId: hit.articleId, title: hit.title, section: hit.section, ...(hit.url ? { url: hit.url } : {}) }])).values()],
        source: 'llm',
        // The model was told the move the offline composer picked; its draft is as likely right as that move, a little more when grounded.
        confidence: Number(Math.min(0.95, (offline[0]?.confidence ?? 0.5) + (cited.length > 0 ? 0.1 : 0)).toFixed(2)),
        ...(offline[0]?.move ? { move: offline[0].move } : {}),
        language,
      };
      return { suggestions: text ? [suggestion, ...offline].slice(0, 3) : offline.slice(0, 3) };
    } catch (error) {
      // The server's own text can quote the key back ("Incorrect API key provided: sk-…"): the window gets our words only.
      const problem = describeLlmError(error);
      return { suggestions: offline.slice(0, 3), llmError: `${problem.message} ${problem.hint}` };
    }
  };
}

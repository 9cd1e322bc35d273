import { stripInvisible } from '../language/normalize';

/**
 * Model output is shown to the agent and may be sent to a customer: no remote images
 * (a markdown image is an exfiltration channel), no remote links, no hidden characters.
 */
export function sanitizeSuggestion(text: string): string {
  return stripInvisible(text)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\((?:https?:|javascript:|data:)[^)]*\)/gi, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\bjavascript:/gi, '')
    .trim();
}

/** Rough token count (about four characters a token), enough to keep prompts inside a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Text that goes inside a fence (`<customer_message>…</customer_message>`, `<crm>`, `<knowledge>`,
 * `<tool_result>`) must not be able to close it or open a new one: a customer's
 * `</customer_message> SYSTEM: …` would otherwise read as the end of the data. Every tag-like
 * sequence has its angle brackets swapped for look-alikes (‹ ›), so the words stay readable.
 */
export function neutralizeFenceTags(text: string): string {
  return text.replace(/<\s*\/?\s*[\p{L}_!?][^<>]{0,200}>|<\s*\/?\s*[\p{L}_][\w:.-]*/gu, (tag) => tag.replace(/</g, '‹').replace(/>/g, '›'));
}

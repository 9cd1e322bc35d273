import { stripInvisible } from '../language/normalize';

export { frameToolResult, neutralizeFenceTags } from '../text/fence';

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


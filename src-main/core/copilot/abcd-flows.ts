import { detectRequest } from './case/detect-request';
import { isKnownSubflow, subflowActions } from './case/flows';

/**
 * ABCD's action flows (resources/copilot/abcd-kb.json, MIT) for readers that have a line and its intent but
 * no case state. The subflow is told by the case's one table of subflow words (case/request-patterns.ts),
 * so the drafts and the case never disagree on what a line asks for.
 */
export interface DetectedFlow {
  subflow: string;
  flow: string[];
}

export function detectFlow(intent: string, text: string, language = 'en'): DetectedFlow | undefined {
  const detected = detectRequest(text, { intent, confidence: 1 }, language);
  const subflow = detected?.subflow;
  return subflow && isKnownSubflow(subflow) ? { subflow, flow: subflowActions(subflow) } : undefined;
}

/** FAQ subflows are answered from the knowledge base, not with an account action. */
export function isFaqFlow(flow: DetectedFlow): boolean {
  return flow.flow[0] === 'search-faq';
}

/** The actions that resolve one subflow (kb.json), or undefined for a subflow it does not know. */
export function flowActions(subflow: string): string[] | undefined {
  return isKnownSubflow(subflow) ? subflowActions(subflow) : undefined;
}

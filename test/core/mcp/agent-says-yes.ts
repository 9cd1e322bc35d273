import type { ProcessLaunchConsent, ProcessLaunchRequest } from '../../../src-main/core/mcp/client/process-launch-consent';

/** The agent at the dialog, clicking "Start" every time: records what it was asked. */
export function agentSaysYes(): ProcessLaunchConsent & { asked: ProcessLaunchRequest[] } {
  const asked: ProcessLaunchRequest[] = [];
  return {
    remembersApprovals: true,
    asked,
    ask: async (request) => {
      asked.push(request);
      return { allowed: true };
    },
  };
}

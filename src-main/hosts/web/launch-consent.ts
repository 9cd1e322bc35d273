import type { ProcessLaunchConsent } from '../../core/mcp/client/process-launch-consent';

export const allowStdioMcpFlag = '--allow-stdio-mcp';

/**
 * The browser host cannot show a dialog that the page could not fake, so whoever started the host decides
 * for the whole run: with --allow-stdio-mcp (or COPILOT_ALLOW_STDIO_MCP=1) stdio servers may start,
 * without it none does, whatever was allowed before.
 */
export function stdioMcpAllowed(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes(allowStdioMcpFlag) || env.COPILOT_ALLOW_STDIO_MCP === '1';
}

export function webLaunchConsent(allowed: boolean): ProcessLaunchConsent {
  return {
    // The flag is the consent, for this run only: a yes remembered from another run must not stand without it.
    remembersApprovals: false,
    ask: async () =>
      allowed
        ? { allowed: true }
        : { allowed: false, reason: `the browser version starts no programs unless it was started with ${allowStdioMcpFlag} (npm run start:web -- ${allowStdioMcpFlag}); use an HTTP server or the desktop app` },
  };
}

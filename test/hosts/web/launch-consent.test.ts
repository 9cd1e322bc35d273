import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMcpHub, createMemorySecretStore, createMemorySettingsStore } from '../../../src-main/core/mcp/client/index';
import { createMemoryLaunchApprovals, launchFingerprint, launchRequestOf } from '../../../src-main/core/mcp/client/process-launch-consent';
import { mcpServerConfigSchema } from '../../../src-main/core/mcp/client/settings';
import { stdioMcpAllowed, webLaunchConsent } from '../../../src-main/hosts/web/launch-consent';

const dir = mkdtempSync(join(tmpdir(), 'web-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stdio MCP servers in the web host', () => {
  it('are off unless the host was started with --allow-stdio-mcp or COPILOT_ALLOW_STDIO_MCP=1', () => {
    expect(stdioMcpAllowed([], {})).toBe(false);
    expect(stdioMcpAllowed(['--port', '1'], { COPILOT_ALLOW_STDIO_MCP: 'yes' })).toBe(false);
    expect(stdioMcpAllowed(['--allow-stdio-mcp'], {})).toBe(true);
    expect(stdioMcpAllowed([], { COPILOT_ALLOW_STDIO_MCP: '1' })).toBe(true);
  });

  it('start nothing without the flag, even a command allowed in an earlier run', async () => {
    const marker = join(dir, 'ran');
    const input = { id: 'tool', name: 'Tool', transport: { type: 'stdio' as const, command: '/bin/sh', args: ['-c', `touch '${marker}'`] }, timeoutMs: 1_000 };
    const approvals = createMemoryLaunchApprovals();
    approvals.add(launchFingerprint(launchRequestOf(mcpServerConfigSchema.parse(input))!));
    const hub = createMcpHub({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), launchConsent: webLaunchConsent(false), launchApprovals: approvals });
    try {
      const tested = await hub.testServer(input);
      expect(tested.ok).toBe(false);
      expect(tested.error).toContain('--allow-stdio-mcp');
      expect(existsSync(marker)).toBe(false);
    } finally {
      await hub.close();
    }
    const allowed = createMcpHub({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), launchConsent: webLaunchConsent(true) });
    try {
      await allowed.testServer(input);
      expect(existsSync(marker)).toBe(true);
    } finally {
      await allowed.close();
    }
  }, 30_000);
});

import { expect, type Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { launchChromium } from '../../fixtures/chromium';
import { startScriptedLlm, type ScriptedLlm, type ScriptedLlmOptions } from '../../fixtures/scripted-llm/server';
import { startTestWebHost, type RunningWebHost } from '../../fixtures/web-host';

export type QueueEntry = Awaited<ReturnType<RunningWebHost['core']['handlers']['workspace.listConversations']>>[number];

/** Everything an agent's-workspace spec runs against: Chromium, the demo CRM, a scripted model and the real web host. */
export interface WorkspaceRig {
  browser: Browser;
  crm: DemoCrm;
  llm: ScriptedLlm;
  running: RunningWebHost;
  /** The synced conversation queue, once it holds more than `atLeast` entries. */
  queue(atLeast?: number): Promise<QueueEntry[]>;
  stop(): Promise<void>;
}

export interface WorkspaceRigOptions {
  token: string;
  seed: number;
  contacts: number;
  shots: string;
  llm: ScriptedLlmOptions['fallback'];
  /** Puts something between the core and the scripted model (a pacing proxy), returning the URL the core should use. */
  llmUrl?: (scriptedUrl: string) => Promise<{ url: string; close(): Promise<void> }>;
}

export async function startWorkspaceRig(options: WorkspaceRigOptions): Promise<WorkspaceRig> {
  mkdirSync(options.shots, { recursive: true });
  const browser = await launchChromium();
  const crm = await startDemoCrm({ seed: options.seed, contacts: options.contacts, token: options.token });
  const llm = await startScriptedLlm([], { fallback: options.llm });
  const between = options.llmUrl ? await options.llmUrl(llm.url) : undefined;
  const running = await startTestWebHost({
    crm: { url: crm.url, token: options.token, syncIntervalSeconds: 5 },
    llm: { baseUrl: between?.url ?? llm.url, model: 'scripted', apiKey: 'sk-test', timeoutMs: 20_000, maxRetries: 0 },
  });
  return {
    browser,
    crm,
    llm,
    running,
    async queue(atLeast = 0) {
      let entries: QueueEntry[] = [];
      await expect.poll(async () => (entries = await running.core.handlers['workspace.listConversations']({})).length, { timeout: 60_000 }).toBeGreaterThan(atLeast);
      return entries;
    },
    async stop() {
      await browser.close();
      await running.stop();
      await between?.close();
      await llm.close();
      await crm.close();
    },
  };
}

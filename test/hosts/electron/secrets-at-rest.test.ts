import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels, methodNames, type MethodName } from '../../../src-main/core/contract/index';
import { createCore, type Core } from '../../../src-main/core/core';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { createDesktopHandlers, ViewingState } from '../../../src-main/hosts/electron/desktop-handlers';
import { forwardEvents, registerContractHandler } from '../../../src-main/hosts/electron/ipc';
import { createShellLogger } from '../../../src-main/hosts/electron/logging';
import { jsonSecretBlobFile, SafeStorageSecretStore } from '../../../src-main/hosts/electron/secrets';
import { coreConfigFromSettings, DesktopSettingsService, keyValueBacking } from '../../../src-main/hosts/electron/settings';
import { startEmbeddingsServer, type EmbeddingsServer } from '../../fixtures/embeddings-server';
import { startScriptedLlm, type ScriptedLlm } from '../../fixtures/scripted-llm/server';
import { FakeConsent, FakeContents, FakeIpcMain, FakeSafeStorage, frame } from './doubles';

/**
 * The desktop app configured the way an agent would, through the same IPC gate and contract, with
 * every key set; then every file in the data folder, the settings file, every contract answer and
 * every event sent to the window is searched for the keys' bytes in every form they could leak in.
 */

const keys = {
  llmApiKey: 'sk-live-LLMKEY-7f3a9c2e41b8d605',
  crmToken: 'pat-na1-CRMTOKEN-0d9e8f7a6b5c',
  embeddingsApiKey: 'emb-EMBKEY-5a4b3c2d1e0f9876',
  mcpToken: 'mcp-BEARER-11aa22bb33cc44dd',
};

/** Every shape a key could take in a file or a message: raw, JSON-escaped, base64, URL-encoded, UTF-16. */
function leakForms(secret: string): Buffer[] {
  return [
    Buffer.from(secret, 'utf8'),
    Buffer.from(JSON.stringify(secret).slice(1, -1), 'utf8'),
    Buffer.from(Buffer.from(secret).toString('base64').replace(/=+$/, ''), 'utf8'),
    Buffer.from(Buffer.from(secret).toString('base64url').replace(/=+$/, ''), 'utf8'),
    Buffer.from(encodeURIComponent(secret), 'utf8'),
    Buffer.from(secret, 'utf16le'),
    // A distinctive middle part, in case a key is logged truncated.
    Buffer.from(secret.slice(4, 20), 'utf8'),
  ];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

function leaksIn(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(keys)) {
    for (const form of leakForms(secret)) if (bytes.includes(form)) found.push(name);
  }
  return [...new Set(found)];
}

/** The methods this test calls with real input; any other method of the contract is called with `{}`. */
const exercisedMethods = [
  'app.info', 'app.echo', 'knowledge.search', 'knowledge.getArticle', 'workspace.listConversations', 'workspace.getConversation',
  'workspace.watchConversation', 'customer.getProfile', 'customer.deleteMemory', 'sync.status', 'sync.now', 'outbox.list', 'outbox.retry',
  'conversation.sendReply', 'copilot.turn', 'copilot.decide', 'copilot.state', 'desktop.settings.get', 'desktop.settings.update', 'desktop.viewing',
  'mcp.servers.add', 'mcp.servers.update', 'mcp.servers.test', 'mcp.servers.list', 'crm.owners', 'crm.setAgentSettings', 'crm.agentSettings',
] as const satisfies readonly MethodName[];

const appUrl = 'file:///opt/Support%20Copilot/resources/app.asar/out/renderer/index.html';

let dataDir: string;
let crm: DemoCrm;
let llm: ScriptedLlm;
let embeddings: EmbeddingsServer;
let core: Core | undefined;
let settingsPath: string;
const answers = new Map<MethodName, unknown[]>();
const window = new FakeContents();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'copilot-secrets-at-rest-'));
  // The CRM accepts only the configured token, so a working sync proves the token reached it decrypted.
  crm = await startDemoCrm({ seed: 3, contacts: 30, token: keys.crmToken });
  llm = await startScriptedLlm([], { fallback: () => ({ text: 'Thanks for waiting — I have checked your order and it is on its way.' }) });
  embeddings = await startEmbeddingsServer();

  const safeStorage = new FakeSafeStorage();
  const secrets = new SafeStorageSecretStore({
    safeStorage,
    file: jsonSecretBlobFile(join(dataDir, 'secrets.json')),
    platform: 'linux',
    consent: new FakeConsent(false),
  });
  const settingsFile = new Conf<Record<string, unknown>>({ configName: 'settings', cwd: dataDir, clearInvalidConfig: false });
  settingsPath = settingsFile.path;
  const logger = createShellLogger(dataDir, false, () => [secrets.get('llmApiKey'), secrets.get('crmToken'), secrets.get('embeddingsApiKey')]);
  const settings = await DesktopSettingsService.open(keyValueBacking(settingsFile), secrets, logger);
  // No contract method sets an MCP server's token yet; it is stored the same way.
  await secrets.set('mcp:carrier', keys.mcpToken);

  const ipcMain = new FakeIpcMain();
  const desktopHandlers = createDesktopHandlers({ settings, secrets, viewing: new ViewingState(), onChanged: () => undefined });
  const startCore = async (): Promise<Core> => {
    if (core) return core;
    // As main passes them: the secret store goes along for the core's MCP servers.
    core = await createCore(coreConfigFromSettings(settings.get(), secrets, dataDir), { logger, secrets });
    forwardEvents(core.events, window);
    await core.start();
    return core;
  };
  registerContractHandler(ipcMain, {
    handlers: async () => ({ ...(core ? core.handlers : ({} as Core['handlers'])), ...desktopHandlers }),
    appUrl: () => appUrl,
    logger,
  });
  const call = async (method: MethodName, input: unknown): Promise<{ ok: boolean; value?: unknown }> => {
    const answer = (await ipcMain.invoke(ipcChannels.call, { senderFrame: frame(appUrl) }, method, input)) as { ok: boolean; value?: unknown };
    answers.set(method, [...(answers.get(method) ?? []), answer]);
    return answer;
  };

  // Configure as the settings screen does, then start the core from the stored settings.
  const updated = await call('desktop.settings.update', {
    crm: { url: crm.url, syncIntervalSeconds: 3600 },
    llm: { baseUrl: llm.url, model: 'scripted' },
    embeddings: { baseUrl: embeddings.url, model: 'hash-embed' },
    debugLogging: false,
    secrets: { llmApiKey: keys.llmApiKey, crmToken: keys.crmToken, embeddingsApiKey: keys.embeddingsApiKey },
  });
  expect(updated).toMatchObject({ ok: true });
  await startCore();

  // Every method of the contract, in the order an agent's day would reach them.
  await call('app.info', {});
  await call('app.echo', { text: 'hello' });
  const synced = await call('sync.now', {});
  expect(synced).toMatchObject({ ok: true, value: { lastError: null } });
  // Settings: the agent picks their own HubSpot user, who sends their replies (the portal's token is shared).
  const owners = (await call('crm.owners', {})) as { ok: true; value: { userId: number }[] };
  expect(owners.value.length).toBeGreaterThan(0);
  expect(await call('crm.setAgentSettings', { hubspotUserId: owners.value[0]?.userId ?? 0, propertyConsent: true })).toMatchObject({ ok: true });
  await call('crm.agentSettings', {});
  await call('sync.status', {});
  const list = (await call('workspace.listConversations', {})) as { ok: true; value: { id: string; customerId: string | null }[] };
  expect(list.value.length).toBeGreaterThan(0);
  const conversation = list.value.find((item) => item.customerId) ?? list.value[0]!;
  await call('workspace.getConversation', { id: conversation.id });
  await call('workspace.watchConversation', { id: conversation.id });
  await call('desktop.viewing', { conversationId: conversation.id });
  await call('customer.getProfile', { id: conversation.customerId ?? 'none' });
  // Search once the index is built (with the embeddings endpoint, so its key is in use).
  await vi.waitFor(
    () => expect(window.sent).toContainEqual([ipcChannels.event, 'app.serviceState', expect.objectContaining({ name: 'knowledge', state: 'ready' })]),
    { timeout: 120_000, interval: 100 },
  );
  const search = (await call('knowledge.search', { query: 'refund policy', mode: 'hybrid' })) as { ok: true; value: { hits: { articleId: string }[] } };
  expect(search).toMatchObject({ ok: true });
  expect(embeddings.requests.length).toBeGreaterThan(0);
  await call('knowledge.getArticle', { id: search.value.hits[0]?.articleId ?? 'missing' });
  const turn = (await call('copilot.turn', { conversationId: conversation.id, text: 'Where is my order? It has been a week.' })) as {
    ok: boolean;
    value?: { actions?: { toolCallId?: string }[] };
  };
  await call('copilot.state', { conversationId: conversation.id });
  await call('copilot.decide', { conversationId: conversation.id, toolCallId: turn.value?.actions?.[0]?.toolCallId ?? 'none', action: 'reject', reason: 'not now' });
  await call('conversation.sendReply', { conversationId: conversation.id, text: 'Your parcel is on its way.', idempotencyKey: 'secrets-at-rest-reply' });
  // The reply goes to the CRM with the token; wait for it so nothing is in flight when the core is disposed.
  await vi.waitFor(
    async () => {
      const outbox = (await call('outbox.list', {})) as { ok: true; value: { state: string }[] };
      expect(outbox.value.length).toBeGreaterThan(0);
      expect(outbox.value.every((item) => item.state === 'delivered')).toBe(true);
    },
    { timeout: 60_000, interval: 100 },
  );
  await call('outbox.retry', { id: 1 });
  await call('customer.deleteMemory', { customerId: conversation.customerId ?? 'none', memoryId: 1 });
  await call('desktop.settings.get', {});
  // An MCP server with a bearer token, added as the settings screen does (disabled: nothing listens there).
  await call('mcp.servers.add', { id: 'helpdesk-tools', name: 'Helpdesk tools', transport: { type: 'http', url: 'http://127.0.0.1:9/mcp' }, token: keys.mcpToken, enabled: false });
  await call('mcp.servers.update', { id: 'helpdesk-tools', trustedForReads: false });
  await call('mcp.servers.test', { id: 'helpdesk-tools' });
  await call('mcp.servers.list', {});
  // Methods added to the contract since this test was written are still asked, with an empty input.
  for (const method of methodNames) if (!answers.has(method)) await call(method, {});
}, 180_000);

afterAll(async () => {
  await core?.dispose();
  await Promise.all([crm?.close(), llm?.close(), embeddings?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the leak scanner', () => {
  it('finds a key in any of the forms it could leak in', () => {
    for (const secret of Object.values(keys)) {
      for (const form of leakForms(secret)) expect(leaksIn(Buffer.concat([Buffer.from('{"x":"'), form, Buffer.from('"}')]))).not.toEqual([]);
    }
    expect(leaksIn(Buffer.from('{"apiKey":"[secret]"}'))).toEqual([]);
  });
});

describe('keys configured in the desktop app', () => {
  it('were used: the CRM synced with its token and the copilot reached the model', () => {
    expect(answers.get('sync.now')?.[0]).toMatchObject({ ok: true });
    expect(llm.requests.length).toBeGreaterThan(0);
    expect(embeddings.requests.length).toBeGreaterThan(0);
    // Real answers were scanned, not refusals (no proposal was pending, so there was nothing to decide).
    const exercised = new Set<string>(exercisedMethods);
    const failed = [...answers].filter(([method, list]) => exercised.has(method) && method !== 'copilot.decide' && list.some((answer) => !(answer as { ok: boolean }).ok));
    expect(failed).toEqual([]);
  });

  it('were encrypted with safeStorage into secrets.json', () => {
    const blobs = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(blobs)).toEqual(expect.arrayContaining(['crmToken', 'embeddingsApiKey', 'llmApiKey', 'mcp:carrier']));
    // The token of the MCP server added through the contract lands here too.
    expect(Object.keys(blobs).some((name) => name.startsWith('mcp:helpdesk-tools'))).toBe(true);
    expect(Object.keys(blobs).every((name) => ['crmToken', 'embeddingsApiKey', 'llmApiKey'].includes(name) || name.startsWith('mcp:'))).toBe(true);
  });

  it('appear nowhere in plain text in the data folder, logs included', async () => {
    await core?.dispose();
    core = undefined;
    const files = filesUnder(dataDir);
    expect(files).toContain(settingsPath);
    expect(files.some((path) => path.includes(join(dataDir, 'logs')))).toBe(true);
    const leaking = files.map((path) => ({ path, leaks: leaksIn(readFileSync(path)) })).filter((file) => file.leaks.length > 0);
    expect(leaking).toEqual([]);
  });

  it('leave no message text in the logs, debug logging being off', () => {
    const opened = answers.get('workspace.getConversation')?.[0] as { value: { messages: { text: string }[] } };
    const texts = [
      ...opened.value.messages.map((message) => message.text),
      'Where is my order? It has been a week.',
      'Your parcel is on its way.',
      'I have checked your order and it is on its way',
    ].filter((text) => text.length >= 12);
    expect(texts.length).toBeGreaterThan(3);
    const logs = filesUnder(join(dataDir, 'logs'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    expect(texts.filter((text) => logs.includes(text) || logs.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);
  });

  it('appear nowhere in the settings file', () => {
    expect(leaksIn(readFileSync(settingsPath))).toEqual([]);
  });

  it('appear in no contract answer, for every method of the contract, nor in any event sent to the window', () => {
    expect([...answers.keys()].sort()).toEqual([...methodNames].sort());
    for (const [method, list] of answers) expect(leaksIn(Buffer.from(JSON.stringify(list))), method).toEqual([]);
    expect(window.sent.length).toBeGreaterThan(0);
    expect(leaksIn(Buffer.from(JSON.stringify(window.sent)))).toEqual([]);
  });
});

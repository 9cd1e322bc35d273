import { performance } from 'node:perf_hooks';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { createLaunchGate, createMemoryLaunchApprovals, launchFingerprint, launchRequestOf, refuseEveryLaunch, type LaunchApprovals, type ProcessLaunchConsent } from './process-launch-consent';
import { mcpTokenSecret, type SecretStore } from './secret-store';
import { createServerConnection, type CallOptions, type McpServerConnection } from './server-connection';
import { mcpServerConfigSchema, type McpServerConfig, type McpServerConfigInput, type McpSettingsStore } from './settings';
import { McpToolError } from './tool-errors';
import { splitQualifiedName, type McpToolInfo } from './tool-info';
import type { ToolOutput } from './untrusted-result';
import { sameOrigin } from '../../net/same-origin';
import type { McpServerView, McpTestView } from '../../contract/mcp';

/** What the settings page and the contract show of a server: the contract's own view, never a token. */
export type McpServerSummary = McpServerView;
export type McpTestResult = McpTestView;

export interface McpHub {
  /** Connects every enabled server in parallel; resolves when each has answered or failed. */
  start(): Promise<void>;
  servers(): McpServerSummary[];
  /** Tools of the servers that are enabled and connected, named `server__tool`. */
  tools(): McpToolInfo[];
  tool(qualifiedName: string): McpToolInfo | undefined;
  call(qualifiedName: string, args: unknown, options?: CallOptions): Promise<ToolOutput>;
  addServer(input: McpServerConfigInput, token?: string): Promise<McpServerSummary>;
  removeServer(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<McpServerSummary>;
  setTrustedForReads(id: string, trusted: boolean): Promise<McpServerSummary>;
  /** Connects once, lists the tools, disconnects: for the settings page's Test button. */
  testServer(input: McpServerConfigInput | { id: string }, token?: string): Promise<McpTestResult>;
  /** Called whenever a server's state or tool list changes (list_changed included). */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface McpHubOptions {
  settings: McpSettingsStore;
  secrets: SecretStore;
  /** Overrides the transport for some servers (tests, the in-process demo carrier); undefined means stdio or HTTP from the config. */
  createTransport?: (config: McpServerConfig) => Transport | undefined;
  /** Servers the host adds for this run only (the demo carrier), never written to the settings. */
  builtIn?: McpServerConfigInput[];
  /**
   * The host's answer to "start this program?" for stdio servers from the settings. Without one no such
   * process starts. Built-in servers are the host's own command and do not ask.
   */
  launchConsent?: ProcessLaunchConsent;
  /** Where a yes is remembered (fingerprints of command, arguments, folder and environment). */
  launchApprovals?: LaunchApprovals;
}

function describeTarget(config: McpServerConfig): string {
  return config.transport.type === 'stdio' ? [config.transport.command, ...config.transport.args].join(' ').slice(0, 300) : config.transport.url;
}

function toolRows(tools: McpToolInfo[]): McpServerSummary['tools'] {
  return tools.map((tool) => ({
    name: tool.toolName,
    qualifiedName: tool.qualifiedName,
    title: tool.title,
    description: tool.description,
    readOnlyHint: tool.readOnlyHint,
    access: tool.sideEffect ? 'write' : 'read',
  }));
}

export function createMcpHub(options: McpHubOptions): McpHub {
  const connections = new Map<string, McpServerConnection>();
  const builtInIds = new Set<string>();
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own.
      }
    }
  };

  const tokenFor = (config: McpServerConfig): string | undefined =>
    config.transport.type === 'http' && config.transport.hasToken ? options.secrets.get(mcpTokenSecret(config.id)) : undefined;

  const gate = createLaunchGate(options.launchConsent ?? refuseEveryLaunch, options.launchApprovals ?? createMemoryLaunchApprovals());
  // The demo carrier's command comes from the host's own code, never from the settings or the contract:
  // exactly that command runs without asking, and anything else under its id asks like any other.
  const builtInLaunches = new Map<string, string>();
  const fingerprintOf = (config: McpServerConfig): string | undefined => {
    const request = launchRequestOf(config);
    return request ? launchFingerprint(request) : undefined;
  };
  const authorizeLaunch = async (config: McpServerConfig): Promise<void> => {
    const own = builtInLaunches.get(config.id);
    if (own !== undefined && own === fingerprintOf(config)) return;
    await gate.authorize(config);
  };

  const open = (config: McpServerConfig): McpServerConnection =>
    createServerConnection(config, {
      token: tokenFor(config),
      onChange: notify,
      authorizeLaunch,
      ...(options.createTransport ? { createTransport: options.createTransport } : {}),
    });

  const stored = (): McpServerConfig[] => options.settings.load();
  const persist = (): void => {
    const configs = [...connections.values()].map((connection) => connection.config);
    options.settings.save(configs.filter((config) => !builtInIds.has(config.id)));
    options.settings.saveBuiltInChoices(
      Object.fromEntries(configs.filter((config) => builtInIds.has(config.id)).map((config) => [config.id, { enabled: config.enabled, trustedForReads: config.trustedForReads }])),
    );
  };

  const summary = (connection: McpServerConnection): McpServerSummary => {
    const { config } = connection;
    const status = connection.status();
    return {
      id: config.id,
      name: config.name,
      enabled: config.enabled,
      trustedForReads: config.trustedForReads,
      builtIn: builtInIds.has(config.id),
      transport: config.transport.type,
      target: describeTarget(config),
      hasToken: config.transport.type === 'http' && config.transport.hasToken,
      state: status.state,
      error: status.error,
      tools: toolRows(status.tools),
    };
  };

  function must(id: string): McpServerConnection {
    const connection = connections.get(id);
    if (!connection) throw new McpToolError('UNKNOWN_TOOL', `No MCP server with id ${id.slice(0, 40)}.`);
    return connection;
  }

  async function replace(config: McpServerConfig): Promise<McpServerSummary> {
    // The agent acted on this server: a no given earlier this run may be reconsidered.
    gate.reconsider(config);
    await connections.get(config.id)?.close();
    const connection = open(config);
    connections.set(config.id, connection);
    persist();
    notify();
    await connection.connect();
    return summary(connection);
  }

  // A built-in server keeps the agent's choices (disabled, trusted for reads) across restarts; its command is the host's.
  const choices = options.settings.loadBuiltInChoices();
  for (const input of options.builtIn ?? []) {
    const config = mcpServerConfigSchema.parse(input);
    builtInIds.add(config.id);
    const fingerprint = fingerprintOf(config);
    if (fingerprint) builtInLaunches.set(config.id, fingerprint);
    connections.set(config.id, open({ ...config, ...choices[config.id] }));
  }
  for (const config of stored()) if (!connections.has(config.id)) connections.set(config.id, open(config));

  return {
    async start() {
      await Promise.all([...connections.values()].map((connection) => connection.connect()));
    },
    servers: () => [...connections.values()].map(summary),
    tools: () => [...connections.values()].flatMap((connection) => (connection.config.enabled && connection.status().state === 'ready' ? connection.status().tools : [])),
    tool(qualifiedName) {
      const parts = splitQualifiedName(qualifiedName);
      const connection = parts ? connections.get(parts.serverId) : undefined;
      return connection?.config.enabled ? connection.status().tools.find((tool) => tool.qualifiedName === qualifiedName) : undefined;
    },
    async call(qualifiedName, args, callOptions) {
      const parts = splitQualifiedName(qualifiedName);
      const connection = parts ? connections.get(parts.serverId) : undefined;
      if (!parts || !connection) throw new McpToolError('UNKNOWN_TOOL', `No MCP tool named ${qualifiedName.slice(0, 80)}.`);
      return connection.call(parts.toolName, args, callOptions);
    },
    async addServer(input, token) {
      // Saving a server again without retyping its token keeps the token, but never sends it to another origin.
      const previous = connections.get(input.id)?.config.transport;
      const keepsToken =
        !token && previous?.type === 'http' && previous.hasToken && input.transport.type === 'http' && sameOrigin(previous.url, input.transport.url);
      const config = mcpServerConfigSchema.parse(input.transport.type === 'http' ? { ...input, transport: { ...input.transport, hasToken: Boolean(token) || keepsToken } } : input);
      if (builtInIds.has(config.id)) throw new McpToolError('INVALID_ARGS', `${config.id} is a built-in server id.`);
      if (token && config.transport.type === 'http') await options.secrets.set(mcpTokenSecret(config.id), token);
      else if (!keepsToken && previous?.type === 'http' && previous.hasToken) options.secrets.delete(mcpTokenSecret(config.id));
      return replace(config);
    },
    async removeServer(id) {
      const connection = must(id);
      if (builtInIds.has(id)) throw new McpToolError('INVALID_ARGS', `${id} is built in; disable it instead.`);
      await connection.close();
      connections.delete(id);
      options.secrets.delete(mcpTokenSecret(id));
      persist();
      notify();
    },
    async setEnabled(id, enabled) {
      const connection = must(id);
      return replace({ ...connection.config, enabled });
    },
    async setTrustedForReads(id, trusted) {
      const connection = must(id);
      return replace({ ...connection.config, trustedForReads: trusted });
    },
    async testServer(input, token) {
      const start = performance.now();
      const existing = 'transport' in input ? undefined : must(input.id).config;
      const config = existing ?? mcpServerConfigSchema.parse({ ...input, enabled: true });
      gate.reconsider(config);
      const probe = createServerConnection(
        { ...config, enabled: true },
        { token: token ?? tokenFor(config), authorizeLaunch, ...(options.createTransport ? { createTransport: options.createTransport } : {}) },
      );
      try {
        await probe.connect();
        const status = probe.status();
        return { ok: status.state === 'ready', error: status.error, ms: Math.round(performance.now() - start), tools: toolRows(status.tools) };
      } finally {
        await probe.close();
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await Promise.all([...connections.values()].map((connection) => connection.close()));
      listeners.clear();
    },
  };
}

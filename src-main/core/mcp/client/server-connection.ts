import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { LaunchRefused } from './process-launch-consent';
import type { McpServerConfig } from './settings';
import { describeMcpFailure, McpToolError } from './tool-errors';
import { toToolInfo, type McpToolInfo } from './tool-info';
import { readToolOutput, type ToolOutput } from './untrusted-result';

export type ConnectionState = 'disabled' | 'connecting' | 'ready' | 'error';

export interface ConnectionStatus {
  state: ConnectionState;
  error: string | null;
  tools: McpToolInfo[];
}

export interface CallOptions {
  /** Sent as `_meta.idempotencyKey`, and as the `idempotencyKey` argument when the tool declares one. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export interface McpServerConnection {
  readonly config: McpServerConfig;
  status(): ConnectionStatus;
  /** Never throws: a failure is recorded in status() for the UI. */
  connect(): Promise<void>;
  refreshTools(): Promise<void>;
  call(toolName: string, args: unknown, options?: CallOptions): Promise<ToolOutput>;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  token?: string | undefined;
  onChange?: () => void;
  /** Tests hand in an in-memory transport; the app builds stdio or Streamable HTTP from the config. */
  createTransport?: (config: McpServerConfig) => Transport | undefined;
  clientInfo?: { name: string; version: string };
  /**
   * Asked before a stdio server's process is started; rejects when the agent (or the host's rule) said no.
   * Without it no process is started at all: only a host that can ask someone passes one.
   */
  authorizeLaunch?: (config: McpServerConfig) => Promise<void>;
}

const maxTools = 200;
const toolResultEnvelope = z.looseObject({});
const toolListEnvelope = z.looseObject({ tools: z.array(z.unknown()).max(10_000), nextCursor: z.unknown().optional() });
const maxPages = 10;
const reconnectAfterMs = 3_000;

function defaultTransport(config: McpServerConfig, token: string | undefined): Transport {
  if (config.transport.type === 'stdio') {
    return new StdioClientTransport({
      command: config.transport.command,
      args: config.transport.args,
      ...(config.transport.cwd ? { cwd: config.transport.cwd } : {}),
      env: { ...getDefaultEnvironment(), ...(config.transport.env ?? {}) },
      stderr: 'pipe',
    });
  }
  return new StreamableHTTPClientTransport(new URL(config.transport.url), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {});
}

function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      // Worded by describeMcpFailure, which names the server and the configured limit.
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * One MCP server, held at arm's length: every answer is validated, every request has a deadline,
 * a crash or hang turns into a status the UI shows, and the next call tries to reconnect.
 */
export function createServerConnection(config: McpServerConfig, options: ConnectionOptions = {}): McpServerConnection {
  let client: Client | undefined;
  let status: ConnectionStatus = { state: config.enabled ? 'connecting' : 'disabled', error: null, tools: [] };
  let lastAttempt = 0;
  let connecting: Promise<void> | undefined;
  // Once closed, nothing may start a server again (a connect already under way included).
  let closed = false;
  let stderrTail = '';
  const timeoutMs = config.timeoutMs;

  const update = (next: Partial<ConnectionStatus>): void => {
    status = { ...status, ...next };
    options.onChange?.();
  };

  const fail = (error: unknown): McpToolError => {
    const described = describeMcpFailure(config.name, error, timeoutMs);
    // Node's crash report ends with its version: the line naming the error says more.
    const lines = stderrTail.trim().split('\n');
    const tail = (lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1))?.trim().slice(0, 200);
    return tail && described.code === 'UNAVAILABLE' ? new McpToolError(described.code, `${described.message} (${tail})`) : described;
  };

  async function teardown(): Promise<void> {
    const closing = client;
    client = undefined;
    await closing?.close().catch(() => undefined);
  }

  async function listAllTools(active: Client): Promise<McpToolInfo[]> {
    const tools = new Map<string, McpToolInfo>();
    let cursor: string | undefined;
    for (let page = 0; page < maxPages && tools.size < maxTools; page += 1) {
      // Our own lenient envelope instead of listTools(): one malformed tool must drop alone, not the whole list.
      const result = await active.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, toolListEnvelope, { timeout: timeoutMs });
      for (const item of result.tools) {
        const info = toToolInfo(config, item);
        if (info && !tools.has(info.qualifiedName) && tools.size < maxTools) tools.set(info.qualifiedName, info);
      }
      cursor = typeof result.nextCursor === 'string' && result.nextCursor ? result.nextCursor : undefined;
      if (!cursor) break;
    }
    return [...tools.values()];
  }

  async function refreshTools(): Promise<void> {
    const active = client;
    if (!active) return;
    try {
      const tools = await listAllTools(active);
      if (active === client) update({ state: 'ready', error: null, tools });
    } catch (error) {
      // A failed refresh keeps the last good list: the copilot carries on with what it knew.
      if (active === client) update({ error: fail(error).message });
    }
  }

  async function open(): Promise<void> {
    lastAttempt = Date.now();
    await teardown();
    if (closed) return;
    update({ state: 'connecting', error: null });
    const override = options.createTransport?.(config);
    if (!override && config.transport.type === 'stdio') {
      try {
        if (!options.authorizeLaunch) throw new LaunchRefused(`${config.name} was not started: nothing here can ask you before a program runs.`);
        await options.authorizeLaunch(config);
      } catch (error) {
        update({ state: 'error', error: error instanceof LaunchRefused ? error.message : fail(error).message, tools: [] });
        return;
      }
      if (closed) return;
    }
    const next = new Client(options.clientInfo ?? { name: 'support-copilot', version: '0.1.0' }, { capabilities: {} });
    const nextTransport = override ?? defaultTransport(config, options.token);
    if (nextTransport instanceof StdioClientTransport) {
      nextTransport.stderr?.on('data', (chunk: Buffer) => {
        stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2_000);
      });
    }
    next.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      void refreshTools();
    });
    next.onerror = () => undefined;
    next.onclose = () => {
      if (client !== next) return;
      client = undefined;
      update({ state: 'error', error: `${config.name} closed the connection.`, tools: [] });
    };
    client = next;
    try {
      await withDeadline(next.connect(nextTransport, { timeout: timeoutMs }), timeoutMs + 500, () => void nextTransport.close().catch(() => undefined));
      const tools = await withDeadline(listAllTools(next), timeoutMs + 500, () => void nextTransport.close().catch(() => undefined));
      if (client === next) update({ state: 'ready', error: null, tools });
    } catch (error) {
      const message = fail(error).message;
      if (client === next) await teardown();
      update({ state: 'error', error: message, tools: [] });
    }
  }

  function connect(): Promise<void> {
    if (!config.enabled) {
      update({ state: 'disabled', error: null, tools: [] });
      return Promise.resolve();
    }
    connecting ??= open().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  return {
    config,
    status: () => status,
    connect,
    refreshTools,
    async call(toolName, args, callOptions = {}) {
      if (!config.enabled) throw new McpToolError('DISABLED', `${config.name} is disabled in the settings.`);
      if (status.state !== 'ready' && Date.now() - lastAttempt >= reconnectAfterMs) await connect();
      const active = client;
      if (!active || status.state !== 'ready') throw new McpToolError('UNAVAILABLE', status.error ?? `${config.name} is not connected.`);
      const tool = status.tools.find((item) => item.toolName === toolName);
      if (!tool) throw new McpToolError('UNKNOWN_TOOL', `${config.name} has no tool named ${toolName.slice(0, 64)}.`);
      const parsed = tool.schema.safeParse(args ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
        throw new McpToolError('INVALID_ARGS', `Invalid arguments for ${tool.qualifiedName}: ${issues.join('; ')}`);
      }
      const key = callOptions.idempotencyKey;
      const finalArgs: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>), ...(key && tool.acceptsIdempotencyKey ? { idempotencyKey: key } : {}) };
      const deadline = callOptions.timeoutMs ?? timeoutMs;
      try {
        const result = await withDeadline(
          // Any JSON object is accepted here and read defensively by readToolOutput, which never throws.
          active.request({ method: 'tools/call', params: { name: toolName, arguments: finalArgs, ...(key ? { _meta: { idempotencyKey: key } } : {}) } }, toolResultEnvelope, { timeout: deadline }),
          deadline + 500,
          () => undefined,
        );
        return readToolOutput(result);
      } catch (error) {
        throw fail(error);
      }
    },
    async close() {
      closed = true;
      await teardown();
    },
  };
}

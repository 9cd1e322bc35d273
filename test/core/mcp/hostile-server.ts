import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export type Reply = { kind: 'result'; value: unknown } | { kind: 'error'; value: unknown } | { kind: 'raw'; value: unknown } | { kind: 'silence' };

/**
 * A server that says whatever the test scripts, however wrong: results of the wrong shape,
 * malformed JSON-RPC, silence. Everything crosses as JSON text, as on a real wire.
 */
export class HostileTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private closed = false;

  constructor(private readonly answer: (method: string) => Reply) {}

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed || !('method' in message) || !('id' in message)) return;
    const reply = this.answer(message.method);
    if (reply.kind === 'silence') return;
    let wire: string;
    try {
      if (reply.kind === 'raw') wire = JSON.stringify(reply.value) ?? 'null';
      else wire = `{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"${reply.kind}":${JSON.stringify(reply.value) ?? 'null'}}`;
    } catch {
      wire = 'null';
    }
    setImmediate(() => {
      if (this.closed) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(wire);
      } catch {
        return;
      }
      this.onmessage?.(parsed as JSONRPCMessage);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}

export const validInitialize = {
  protocolVersion: '2025-06-18',
  capabilities: { tools: { listChanged: true } },
  serverInfo: { name: 'hostile', version: '0.0.1' },
};

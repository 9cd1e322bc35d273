import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMcpHub, createMemorySecretStore, createMemorySettingsStore, readToolOutput } from '../../src-main/core/mcp/client/index';
import { createCarrierMcpServer, createRescheduleLedger, demoCarrierServerConfig, trackShipment } from '../../src-main/core/mcp/demo-carrier/index';
import { startMcpHttpServer } from '../../src-main/core/mcp/server/index';
import { percentiles, type Benchmark } from './harness';

const calls = Number(process.env.MCP_CALLS ?? 500);
const warmup = 20;

/**
 * A read-only tool call (the demo carrier's track_shipment) through the copilot's MCP client:
 * over stdio to the carrier in its own process, and over Streamable HTTP on 127.0.0.1 (bearer
 * token, loopback checks) to the carrier served from this process. The baseline is the same
 * function called directly; all three interleaved, so they see the same machine load.
 */
const bench: Benchmark = {
  name: 'mcp-call',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-mcp-'));
    const ledger = createRescheduleLedger();
    const http = await startMcpHttpServer({ createServer: () => createCarrierMcpServer(ledger) });
    const secrets = createMemorySecretStore();
    // The benchmark stands in for the agent who allowed the carrier's command in the dialog.
    const hub = createMcpHub({ settings: createMemorySettingsStore(), secrets, launchConsent: { remembersApprovals: true, ask: async () => ({ allowed: true }) } });
    try {
      await hub.addServer({ ...demoCarrierServerConfig(join(dir, 'ledger.json')), id: 'stdio' });
      await hub.addServer({ id: 'http', name: 'Carrier over HTTP', trustedForReads: true, transport: { type: 'http', url: http.url }, timeoutMs: 30_000 }, http.token);
      for (const server of hub.servers()) if (server.state !== 'ready') throw new Error(`${server.name}: ${server.error ?? server.state}`);
      const orderId = (index: number): string => `ORD-${10_000 + (index % 977)}`;
      // The direct call returns what the server would put on the wire, read the way the client reads it.
      const direct = async (index: number) => readToolOutput(trackShipment({ orderId: orderId(index) }, ledger));
      const viaStdio = (index: number) => hub.call('stdio__track_shipment', { orderId: orderId(index) });
      const viaHttp = (index: number) => hub.call('http__track_shipment', { orderId: orderId(index) });
      const samples = { direct: [] as number[], stdio: [] as number[], http: [] as number[] };
      for (let index = 0; index < calls + warmup; index += 1) {
        for (const [name, call] of [['direct', direct], ['stdio', viaStdio], ['http', viaHttp]] as const) {
          const start = performance.now();
          const output = await call(index);
          const ms = performance.now() - start;
          if (output.isError) throw new Error(`${name}: ${output.text}`);
          if (index >= warmup) samples[name].push(ms);
        }
      }
      const baseline = percentiles(samples.direct);
      return {
        name: 'mcp-call',
        figures: [
          { label: 'track_shipment, MCP stdio', unit: 'ms', subject: percentiles(samples.stdio), baselineLabel: 'same function called directly', baseline, extra: { calls } },
          { label: 'track_shipment, MCP HTTP loopback', unit: 'ms', subject: percentiles(samples.http), baselineLabel: 'same function called directly', baseline, extra: { calls } },
        ],
      };
    } finally {
      await hub.close();
      await http.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;

import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PacedProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Sits in front of the scripted LLM and releases its server-sent events one every `delayMs`,
 * so the UI sees tokens arrive over time as from a real model (the scripted server sends them all at once).
 */
export async function startPacedLlmProxy(targetV1Url: string, delayMs: number): Promise<PacedProxy> {
  const target = new URL(targetV1Url);
  const server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!String(answer.headers['content-type'] ?? '').includes('text/event-stream')) {
          answer.pipe(outgoing);
          return;
        }
        let buffered = '';
        const events: string[] = [];
        let ended = false;
        let pumping = false;
        const pump = (): void => {
          const next = events.shift();
          if (next !== undefined) {
            outgoing.write(next);
            setTimeout(pump, delayMs).unref();
            return;
          }
          pumping = false;
          if (ended) outgoing.end();
        };
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => {
          buffered += chunk;
          let cut = buffered.indexOf('\n\n');
          while (cut !== -1) {
            events.push(buffered.slice(0, cut + 2));
            buffered = buffered.slice(cut + 2);
            cut = buffered.indexOf('\n\n');
          }
          if (!pumping) {
            pumping = true;
            pump();
          }
        });
        answer.on('end', () => {
          ended = true;
          if (!pumping) outgoing.end();
        });
      },
    );
    upstream.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { CopilotClient, WireCall, WireEvent, WireResult } from '@contract/bridge';
import type { Envelope } from '@contract/define';
import { ContractError } from '@contract/errors';

const tokenStorageKey = 'copilot.webToken';
const reconnectDelayMs = 1000;

/** Takes the per-launch token from the address the web host printed, then hides it from the address bar. */
export function takeWebToken(location: Location, storage: Storage, history: History): string | undefined {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(tokenStorageKey, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(tokenStorageKey) ?? undefined;
}

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
}

/** The client over the web host's loopback WebSocket; it queues calls while (re)connecting. */
export function createWebSocketClient(url: string): CopilotClient {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let connected = false;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  function setConnected(value: boolean): void {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  }

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      setConnected(true);
      for (const frame of outbox.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (message: MessageEvent<string>) => {
      let frame: WireResult | WireEvent;
      try {
        frame = JSON.parse(message.data) as WireResult | WireEvent;
      } catch {
        return;
      }
      if (frame.kind === 'result') {
        const entry = pending.get(frame.id);
        pending.delete(frame.id);
        entry?.resolve(frame.envelope);
      } else if (frame.kind === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    });
    ws.addEventListener('close', () => {
      setConnected(false);
      for (const [id, entry] of pending) {
        pending.delete(id);
        entry.resolve({
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'Lost the connection to the app.', hint: 'It reconnects by itself; try again in a moment.' },
        });
      }
      setTimeout(connect, reconnectDelayMs);
    });
  }
  connect();

  return {
    transport: 'websocket',
    call(method, input) {
      const id = nextId++;
      const frame: WireCall = { kind: 'call', id, method, input };
      const text = JSON.stringify(frame);
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: (envelope) => (envelope.ok ? resolve(envelope.value as never) : reject(new ContractError(envelope.error))),
        });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
        else outbox.push(text);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

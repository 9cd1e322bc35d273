import type { Envelope } from './define';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from './index';

/**
 * What the Electron preload exposes as `window.copilot`, and nothing more:
 * one call and one event subscription, both restricted to the contract's names.
 */
export interface CopilotBridge {
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The typed client the renderer uses, over IPC or over the web host's WebSocket alike. */
export interface CopilotClient {
  readonly transport: 'ipc' | 'websocket';
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Fires when the connection to main drops or returns (web host only; IPC never drops). */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/** Frames of the web host's WebSocket protocol. */
export interface WireCall {
  kind: 'call';
  id: number;
  method: string;
  input: unknown;
}
export interface WireResult {
  kind: 'result';
  id: number;
  envelope: Envelope<unknown>;
}
export interface WireEvent {
  kind: 'event';
  event: EventName;
  payload: unknown;
}

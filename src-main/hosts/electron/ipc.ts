import type { Envelope } from '../../core/contract/define';
import { dispatch, type DispatchLogger } from '../../core/contract/dispatch';
import { ipcChannels, type EventName, type EventPayload, type Handlers } from '../../core/contract/index';
import { isTrustedSender } from './sender-check';

/** The part of an IPC event the gate reads: the frame that sent it. */
export interface InvokeEvent {
  senderFrame?: { url?: string; parent: unknown; isDestroyed(): boolean } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ContractGateDeps {
  /** The handlers of the running core plus the shell's own; awaited so calls made before the core is up wait for it. */
  handlers(): Promise<Handlers>;
  /** The app's own page: the built renderer file, or the dev server in development. */
  appUrl(): string;
  logger: DispatchLogger & { warn(message: string, details?: Record<string, unknown>): void };
  /** Sees every successful answer (the shell notifies escalations from copilot turns). */
  observe?(method: string, value: unknown): void;
}

const refused: Envelope<unknown> = {
  ok: false,
  error: { code: 'UNKNOWN_METHOD', message: 'Refused: the call did not come from the app window.' },
};

/**
 * The one IPC gate: the sender must be the app's own main frame (fail closed when the frame
 * is gone or has no URL), then the contract validates the input before any handler runs.
 */
export function registerContractHandler(ipcMain: IpcMainLike, deps: ContractGateDeps): () => void {
  ipcMain.handle(ipcChannels.call, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    const info = frame && !frame.isDestroyed() ? { url: frame.url, isMainFrame: frame.parent === null } : undefined;
    if (!isTrustedSender(info, deps.appUrl())) {
      deps.logger.warn('ipc call refused: untrusted sender', { method: typeof method === 'string' ? method.slice(0, 100) : typeof method });
      return refused;
    }
    const envelope = await dispatch(await deps.handlers(), method, input, deps.logger);
    if (envelope.ok && typeof method === 'string') deps.observe?.(method, envelope.value);
    return envelope;
  });
  return () => ipcMain.removeHandler(ipcChannels.call);
}

/** Sends one contract event to the window, if it is still there. */
export function sendEvent<E extends EventName>(target: EventTarget, name: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(ipcChannels.event, name, payload);
}

/** Forwards every event of a core to the window; returns the unsubscribe. */
export function forwardEvents(
  events: { onAny(listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void },
  target: EventTarget,
): () => void {
  return events.onAny((name, payload) => sendEvent(target, name, payload));
}

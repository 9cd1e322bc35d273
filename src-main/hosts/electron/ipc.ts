import type { IpcMain, WebContents } from 'electron';
import { dispatch } from '../../core/contract/dispatch';
import type { Envelope } from '../../core/contract/define';
import { ipcChannels } from '../../core/contract/index';
import type { Core } from '../../core/core';
import { isTrustedSender } from './sender-check';

/**
 * The one IPC gate: the sender must be the app's own main frame, then the contract
 * validates the input before any handler runs.
 */
export function registerContractHandler(ipcMain: IpcMain, getCore: () => Promise<Core>, appUrl: () => string): () => void {
  ipcMain.handle(ipcChannels.call, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    const info = frame && !frame.isDestroyed() ? { url: frame.url, isMainFrame: frame.parent === null } : undefined;
    if (!isTrustedSender(info, appUrl())) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Refused: the call did not come from the app window.' } };
    }
    const core = await getCore();
    return dispatch(core.handlers, method, input, core.logger);
  });
  return () => ipcMain.removeHandler(ipcChannels.call);
}

/** Forwards every core event to the window. */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  return core.events.onAny((name, payload) => {
    if (!contents.isDestroyed()) contents.send(ipcChannels.event, name, payload);
  });
}

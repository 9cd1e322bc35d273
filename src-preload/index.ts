import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CopilotBridge } from '../src-main/core/contract/bridge';
import type { Envelope } from '../src-main/core/contract/define';
// The names only: the contract's zod schemas stay in main, which validates every call.
import { ipcChannels, isEventName, isMethodName } from '../src-main/core/contract/names';

/** Exactly the contract, as `window.copilot`: one call and one event subscription, nothing more. */
const bridge: CopilotBridge = {
  call(method, input) {
    if (!isMethodName(method)) {
      const refused: Envelope<unknown> = { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'This request is not part of the app.' } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(ipcChannels.call, method, input) as Promise<Envelope<unknown>>;
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcChannels.event, wrapped);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('copilot', bridge);

import type { CopilotBridge, CopilotClient } from '@contract/bridge';
import type { Envelope } from '@contract/define';
import { ContractError } from '@contract/errors';

function unwrap<R>(envelope: Envelope<unknown>): R {
  if (envelope.ok) return envelope.value as R;
  throw new ContractError(envelope.error);
}

/** The client over Electron IPC, through the preload's `window.copilot`. */
export function createIpcClient(bridge: CopilotBridge): CopilotClient {
  return {
    transport: 'ipc',
    async call(method, input) {
      return unwrap(await bridge.call(method, input));
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
    onConnectionChange() {
      return () => undefined;
    },
  };
}

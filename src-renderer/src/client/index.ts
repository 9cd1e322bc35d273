import type { CopilotClient } from '@contract/bridge';
import { createIpcClient } from './ipc-client';
import { createWebSocketClient, takeWebToken } from './websocket-client';

export class MissingTokenError extends Error {
  override name = 'MissingTokenError';
}

/** Picks the transport for the host the renderer runs in; the rest of the renderer never knows which. */
export function createClient(): CopilotClient {
  if (window.copilot) return createIpcClient(window.copilot);
  const token = takeWebToken(window.location, window.sessionStorage, window.history);
  if (!token) throw new MissingTokenError('Open the address printed by `npm run start:web`; it carries the access token.');
  return createWebSocketClient(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}

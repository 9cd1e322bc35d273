import type { CopilotClient } from '@contract/bridge';
import { hasInjectionContext, inject, type App, type InjectionKey } from 'vue';

const clientKey: InjectionKey<CopilotClient> = Symbol('copilot-client');
let current: CopilotClient | undefined;

/** Makes the client available to components (inject) and to stores (module scope). */
export function installClient(app: App, client: CopilotClient): void {
  current = client;
  app.provide(clientKey, client);
}

export function useClient(): CopilotClient {
  // Stores call this outside any component: only components may inject.
  const injected = hasInjectionContext() ? inject(clientKey, undefined) : undefined;
  const client = injected ?? current;
  if (!client) throw new Error('The copilot client is not installed.');
  return client;
}

/** For tests: a fake or recording client. */
export function setClientForTests(client: CopilotClient | undefined): void {
  current = client;
}

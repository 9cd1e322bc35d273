import type { AppInfo, Handlers } from '../contract/index';
import type { CoreConfig } from '../config';
import type { ServiceRegistry } from './service-registry';

type AppHandlers = Pick<Handlers, 'app.info' | 'app.echo'>;

export function createAppHandlers(config: CoreConfig, services: ServiceRegistry, startedAt: Date): AppHandlers {
  return {
    'app.info': async (): Promise<AppInfo> => ({
      name: 'Support Copilot',
      version: '0.1.0',
      host: config.host,
      workspace: config.crm ? 'configured' : 'demo',
      services: services.list(),
      startedAt: startedAt.toISOString(),
    }),
    'app.echo': async ({ text }) => ({ text, receivedAt: new Date().toISOString() }),
  };
}

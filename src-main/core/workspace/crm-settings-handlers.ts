import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import { PortalSetupError } from '../crm/index';
import type { CrmService } from './crm-service';

type CrmSettingsHandlers = Pick<Handlers, 'crm.owners' | 'crm.inboxes' | 'crm.agentSettings' | 'crm.setAgentSettings'>;

/** The agent's own side of a shared portal: who they are in HubSpot, what they sync, what the app may add. */
export function createCrmSettingsHandlers(getService: () => Promise<CrmService>): CrmSettingsHandlers {
  const plain = (error: unknown): never => {
    if (error instanceof PortalSetupError) throw new CoreError('UNAVAILABLE', error.message, 'Nothing was changed in HubSpot.', { cause: error });
    throw new CoreError('UNAVAILABLE', 'HubSpot could not be asked.', 'Check the CRM URL and token in Settings, then try again.', { cause: error });
  };
  return {
    'crm.owners': async () => {
      const owners = await (await getService()).owners().catch(plain);
      return owners.map((owner) => ({ userId: owner.userId, name: owner.name, email: owner.email }));
    },
    'crm.inboxes': async () => {
      const inboxes = await (await getService()).inboxes().catch(plain);
      return inboxes.map((inbox) => ({ id: inbox.id, name: inbox.name }));
    },
    'crm.agentSettings': async () => (await getService()).agentSettings(),
    'crm.setAgentSettings': async (change) => {
      const service = await getService();
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      return service.setAgentSettings(defined).catch(plain);
    },
  };
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * What each agent sets for themself on a shared HubSpot portal, kept beside the cache (`crm-agent.json`):
 * the private-app token is the team's, so the sender of a reply is the HubSpot user the agent picks here.
 */
export const crmAgentSettingsSchema = z.strictObject({
  /** The agent's HubSpot user id (an owner's `userId`): replies go out as `A-<userId>`. */
  hubspotUserId: z.number().int().positive().nullable().default(null),
  /** `auto`: the whole portal up to 50,000 contacts, the agent's scope above. */
  syncScope: z.enum(['auto', 'portal', 'agent']).default('auto'),
  /** The inboxes this agent works in (agent scope), plus the threads assigned to them. */
  inboxIds: z.array(z.string().regex(/^\d{1,20}$/)).max(100).default([]),
  /** This desktop's share of the portal's rate limits (every desktop on the portal shares them). */
  rateShare: z.number().min(0.01).max(1).default(0.1),
  /** Consent to create the app's own properties in the portal (action key, refund amount, order id, preferences). */
  propertyConsent: z.boolean().default(false),
});
export type CrmAgentSettings = z.infer<typeof crmAgentSettingsSchema>;

/** Above this many contacts, `auto` syncs the agent's scope rather than the whole portal. */
export const agentScopeThreshold = 50_000;

export function crmAgentSettingsFile(dataDir: string): string {
  return join(dataDir, 'crm-agent.json');
}

export function loadCrmAgentSettings(file: string, defaults: Partial<CrmAgentSettings> = {}): CrmAgentSettings {
  try {
    return crmAgentSettingsSchema.parse({ ...defaults, ...(JSON.parse(readFileSync(file, 'utf8')) as object) });
  } catch {
    return crmAgentSettingsSchema.parse(defaults);
  }
}

export function saveCrmAgentSettings(file: string, settings: CrmAgentSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

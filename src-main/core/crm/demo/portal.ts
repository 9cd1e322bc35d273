import { agents } from './catalog';
import type { PipelineLookup } from './properties';

/**
 * The demo portal's settings objects: ticket pipelines and stages (Pipelines API), the users
 * agents pick in Settings (Owners API), and the Conversations inbox, channels and channel
 * accounts that threads and messages refer to.
 */

export interface DemoPipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: { ticketState: 'OPEN' | 'CLOSED' };
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DemoPipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  stages: DemoPipelineStage[];
}

/** HubSpot's default pipelines have createdAt = 0 (the epoch), as the Pipelines spec says. */
const epoch = new Date(0).toISOString();

const stage = (id: string, label: string, displayOrder: number, state: 'OPEN' | 'CLOSED', at = epoch): DemoPipelineStage => ({
  id,
  label,
  displayOrder,
  metadata: { ticketState: state },
  archived: false,
  createdAt: at,
  updatedAt: at,
});

/** The default support pipeline (id "0", stages "1"–"4") and the retailer's own returns pipeline, whose ids are not small numbers. */
export function ticketPipelines(createdAt: string): DemoPipeline[] {
  return [
    {
      id: '0',
      label: 'Support Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: epoch,
      updatedAt: epoch,
      stages: [stage('1', 'New', 0, 'OPEN'), stage('2', 'Waiting on contact', 1, 'OPEN'), stage('3', 'Waiting on us', 2, 'OPEN'), stage('4', 'Closed', 3, 'CLOSED')],
    },
    {
      id: '812723471',
      label: 'Returns and refunds',
      displayOrder: 1,
      archived: false,
      createdAt,
      updatedAt: createdAt,
      stages: [stage('1234912', 'Refund requested', 0, 'OPEN', createdAt), stage('1234913', 'Refund approved', 1, 'OPEN', createdAt), stage('1234914', 'Refunded', 2, 'CLOSED', createdAt)],
    },
  ];
}

export function pipelineLookup(pipelines: DemoPipeline[]): PipelineLookup {
  return {
    defaultPipelineId: '0',
    pipelineIds: () => pipelines.map((pipeline) => pipeline.id),
    stageIds: (id) => pipelines.find((pipeline) => pipeline.id === id)?.stages.map((item) => item.id),
  };
}

export interface DemoOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON' | 'QUEUE';
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  teams: { id: string; name: string; primary: boolean }[];
}

const surnames = ['Okoro', 'Mensah', 'Silva', 'Iyer'];

/** One owner per support agent; the agent's actor id in Conversations is `A-<userId>`. */
export function owners(createdAt: string): DemoOwner[] {
  return agents.map((agent, index) => {
    const userId = Number(agent.id.slice(2));
    const firstName = agent.name.split(' ')[0] ?? agent.name;
    return {
      id: String(52_550_000 + userId),
      email: `${firstName.toLowerCase()}@acmebrands.example`,
      firstName,
      lastName: surnames[index % surnames.length] ?? 'Agent',
      userId,
      userIdIncludingInactive: userId,
      type: 'PERSON',
      archived: false,
      createdAt,
      updatedAt: createdAt,
      teams: [{ id: '178588', name: 'Customer support', primary: true }],
    };
  });
}

export const inboxId = '147959';
export const channelIds = { chat: '1000', email: '1002', phone: '1003' } as const;
export const channelAccountIds = { chat: '240001', email: '240002', phone: '240003' } as const;
export type DemoChannel = keyof typeof channelIds;
export const supportEmail = 'support@acmebrands.example';

/** A second inbox with no threads of its own (the wholesale team's), so an agent's inbox choice matters. */
export const wholesaleInboxId = '147960';

export function inboxes(createdAt: string) {
  return [
    { id: inboxId, name: 'AcmeBrands support', type: 'INBOX', archived: false, createdAt, updatedAt: createdAt },
    { id: wholesaleInboxId, name: 'AcmeBrands wholesale', type: 'INBOX', archived: false, createdAt, updatedAt: createdAt },
  ];
}

export function channels() {
  return [
    { id: channelIds.chat, name: 'LIVE_CHAT' },
    { id: channelIds.email, name: 'EMAIL' },
    { id: channelIds.phone, name: 'PHONE' },
  ];
}

export function channelAccounts(createdAt: string) {
  return [
    { id: channelAccountIds.chat, channelId: channelIds.chat, inboxId, name: 'acmebrands.example chat', active: true, archived: false, authorized: true, createdAt },
    {
      id: channelAccountIds.email,
      channelId: channelIds.email,
      inboxId,
      name: 'AcmeBrands support email',
      active: true,
      archived: false,
      authorized: true,
      createdAt,
      deliveryIdentifier: { type: 'HS_EMAIL_ADDRESS', value: supportEmail },
    },
    { id: channelAccountIds.phone, channelId: channelIds.phone, inboxId, name: 'AcmeBrands support line', active: true, archived: false, authorized: true, createdAt },
  ];
}

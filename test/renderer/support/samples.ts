import type { CopilotActionView, CopilotTurnView } from '@contract/copilot';
import type { ConversationListItem, CustomerProfile, MessageView } from '@contract/workspace';
import type { MethodResult } from '@contract/index';

export function queueItem(id: string, extra: Partial<ConversationListItem> = {}): ConversationListItem {
  return {
    id,
    customerId: `c-${id}`,
    customerName: `Customer ${id}`,
    channel: 'chat',
    subject: `Subject ${id}`,
    lastMessage: `Last message of ${id}`,
    lastMessageAt: '2026-11-25T09:00:00.000Z',
    messageCount: 3,
    waitingSince: null,
    unread: 0,
    ...extra,
  };
}

export function message(id: string, extra: Partial<MessageView> = {}): MessageView {
  return { id, direction: 'incoming', sender: 'Customer', text: `text ${id}`, createdAt: '2026-11-25T09:00:00.000Z', delivery: 'delivered', ...extra };
}

export function action(id: string, extra: Partial<CopilotActionView> = {}): CopilotActionView {
  return {
    id,
    tool: 'request_refund',
    args: { orderId: 'o-1', amount: 12, reason: 'damaged' },
    policy: 'allowed',
    policyReason: 'Within the order total.',
    why: 'The customer asked for a refund.',
    sideEffect: true,
    status: 'pending',
    decisionReason: null,
    flow: [],
    subflow: null,
    ...extra,
  };
}

export function turn(conversationId: string, extra: Partial<CopilotTurnView> = {}): CopilotTurnView {
  return {
    conversationId,
    customer: null,
    intent: 'refund_request',
    intentConfidence: 0.9,
    sentiment: -0.4,
    frustration: 0.2,
    language: 'en',
    escalate: { yes: false, reasons: [], handoffNote: null },
    suggestions: [{ text: 'We can refund that.', citations: [], source: 'llm', confidence: 0.8 }],
    actions: [],
    summary: 'The customer wants a refund.',
    timeline: [{ turn: 1, intent: 'refund_request', sentiment: -0.4 }],
    llmError: null,
    ms: 10,
    caseState: {
      request: null,
      identity: { status: 'unknown', customerId: null, customerName: null, matched: [], claimed: [], conflict: null, source: 'none' },
      slots: {},
      steps: [],
      resolved: false,
      lastAct: 'request',
      acts: ['request'],
      language: 'en',
      corrections: [],
    },
    ...extra,
  };
}

export function profile(id: string): CustomerProfile {
  return {
    contact: { id, name: 'Ada Lovelace', email: 'ada@example.com', phone: null, username: null, membership: 'Gold', lifetimeValue: 1234.5, address: null, preferences: { contactChannel: 'email' } },
    orders: [{ id: 'o-1', name: 'Order 1', status: 'shipped', total: 42, currency: 'USD', placedAt: '2026-11-01T10:00:00.000Z', items: [{ name: 'Kettle', quantity: 1, price: 42 }] }],
    tickets: [
      { id: 't-1', subject: 'Late parcel', stage: 'open', priority: 'HIGH', updatedAt: '2026-11-20T10:00:00.000Z' },
      { id: 't-2', subject: 'Old question', stage: 'closed', priority: null, updatedAt: '2026-10-20T10:00:00.000Z' },
    ],
    conversations: [{ id: 'conv-old', channel: 'email', status: 'closed', subject: 'Earlier', lastMessageAt: '2026-10-20T10:00:00.000Z' }],
    memory: [
      { id: 1, fact: 'Prefers email', source: 'conversation', createdAt: '2026-11-01T10:00:00.000Z' },
      { id: 2, fact: 'Has a cat', source: 'conversation', createdAt: '2026-11-01T10:00:00.000Z' },
    ],
  };
}

/** What `desktop.settings.get` answers for a configured CRM and no LLM, keys hidden. */
export function desktopSettings(extra: Partial<MethodResult<'desktop.settings.get'>> = {}): MethodResult<'desktop.settings.get'> {
  return {
    crm: { url: 'https://api.hubapi.com', syncIntervalSeconds: 60 },
    llm: null,
    embeddings: null,
    knowledgeDirs: [],
    redactBeforeLlm: true,
    debugLogging: false,
    notifications: true,
    globalShortcut: 'CommandOrControl+Shift+Space',
    secrets: { llmApiKey: false, crmToken: true, embeddingsApiKey: false, backend: 'os', plainTextConsent: false },
    ...extra,
  };
}

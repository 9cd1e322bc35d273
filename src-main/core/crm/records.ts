/** The CRM's records as the cache stores them, whatever CRM they came from. Ids are strings, always. */
export const crmObjectTypes = ['contacts', 'orders', 'line_items', 'tickets', 'conversations'] as const;
export type CrmObjectType = (typeof crmObjectTypes)[number];

export type Membership = 'guest' | 'bronze' | 'silver' | 'gold';
export type Channel = 'chat' | 'email' | 'phone';

export interface CrmContact {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  username: string | null;
  accountId: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  membership: Membership;
  lifetimeValue: number;
  preferences: Record<string, unknown>;
  updatedAt: string;
}

export interface CrmOrder {
  id: string;
  contactId: string | null;
  name: string | null;
  total: number;
  currency: string;
  status: string;
  shippingAddress: string | null;
  placedAt: string | null;
  updatedAt: string;
}

export interface CrmLineItem {
  id: string;
  orderId: string | null;
  name: string;
  sku: string | null;
  quantity: number;
  price: number;
  updatedAt: string;
}

export interface CrmTicket {
  id: string;
  contactId: string | null;
  orderId: string | null;
  subject: string;
  content: string;
  stage: string;
  priority: string | null;
  category: string | null;
  createdAt: string | null;
  updatedAt: string;
}

export interface CrmConversation {
  id: string;
  contactId: string | null;
  channel: Channel;
  status: 'open' | 'closed';
  subject: string | null;
  createdAt: string | null;
  lastMessageAt: string | null;
  updatedAt: string;
}

export interface CrmMessage {
  id: string;
  conversationId: string;
  direction: 'incoming' | 'outgoing';
  sender: string | null;
  text: string;
  createdAt: string;
  /** An internal note (HubSpot's COMMENT) seen by the team only; a message to or from the customer when absent. */
  kind?: 'message' | 'note';
}

export interface CrmRecordOf {
  contacts: CrmContact;
  orders: CrmOrder;
  line_items: CrmLineItem;
  tickets: CrmTicket;
  conversations: CrmConversation;
}

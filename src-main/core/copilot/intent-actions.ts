import type { CustomerContext, ToolName } from './types';

/**
 * Which action resolves which request: the offline copilot proposes these from the intent alone;
 * the agent approves or rejects. The ABCD action flow shown beside each comes from abcd-flows.ts.
 */
export interface ActionPlan {
  tool: ToolName;
  args: Record<string, unknown>;
  why: string;
}

function latestOrder(customer: CustomerContext, orderId: string | undefined, states?: string[]): CustomerContext['orders'][number] | undefined {
  const explicit = orderId ? customer.orders.find((order) => order.id === orderId) : undefined;
  if (explicit) return explicit;
  return customer.orders.find((order) => !states || states.includes(order.status)) ?? customer.orders[0];
}

export function planActions(intent: string, customer: CustomerContext | undefined, conversationId: string, clues: { orderId?: string; amount?: number; text: string }): ActionPlan[] {
  if (!customer) return [];
  const plans: ActionPlan[] = [];
  const order = latestOrder(customer, clues.orderId, ['delivered', 'shipped', 'returned']);
  switch (intent) {
    case 'get_refund':
    case 'track_refund':
    case 'payment_issue':
    case 'check_refund_policy':
      if (order) {
        plans.push({
          tool: 'request_refund',
          args: { customerId: customer.id, orderId: order.id, amount: Math.min(clues.amount ?? order.total, order.total), reason: clues.text.slice(0, 300) },
          why: `The customer asks about a refund; order ${order.id} (${order.status}, ${order.total.toFixed(2)}) is the most likely one.`,
        });
      }
      break;
    case 'cancel_order':
    case 'change_order':
    case 'change_shipping_address':
    case 'set_up_shipping_address':
    case 'delivery_options':
      plans.push({
        tool: 'create_ticket',
        args: { customerId: customer.id, subject: `${intent.replace(/_/g, ' ')} request${order ? ` for order ${order.id}` : ''}`, content: clues.text.slice(0, 1000), priority: 'MEDIUM' },
        why: 'Order changes go through the fulfilment team as a ticket.',
      });
      break;
    case 'track_order':
    case 'delivery_period':
      plans.push({ tool: 'lookup_orders', args: { customerId: customer.id }, why: 'The customer asks where an order is.' });
      break;
    case 'complaint':
    case 'contact_human_agent':
      plans.push({
        tool: 'escalate_to_human',
        args: { customerId: customer.id, reason: intent === 'complaint' ? 'Customer complaint' : 'Customer asked for a person', handoffNote: '' },
        why: intent === 'complaint' ? 'A complaint goes to a senior agent.' : 'The customer asked to speak with a person.',
      });
      break;
    case 'newsletter_subscription':
      plans.push({
        tool: 'update_preferences',
        args: { customerId: customer.id, preferences: { newsletter: !/\b(un ?subscribe|stop|cancel|remove)\b/i.test(clues.text) } },
        why: 'The customer wants to change their newsletter subscription.',
      });
      break;
    case 'edit_account':
    case 'delete_account':
    case 'recover_password':
    case 'registration_problems':
    case 'switch_account':
    case 'create_account':
      plans.push({
        tool: 'create_ticket',
        args: { customerId: customer.id, subject: `Account: ${intent.replace(/_/g, ' ')}`, content: clues.text.slice(0, 1000), priority: 'LOW' },
        why: 'Account changes are verified and logged on a ticket.',
      });
      break;
    default:
      break;
  }
  void conversationId;
  return plans;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../paths/repo-root';

/** ABCD's action flows (resources/copilot/abcd-kb.json, MIT): which agent actions resolve which request. */
let flows: Record<string, string[]> | undefined;
function allFlows(): Record<string, string[]> {
  flows ??= JSON.parse(readFileSync(join(resourcesDir(), 'copilot', 'abcd-kb.json'), 'utf8')) as Record<string, string[]>;
  return flows;
}

// Requests the 27 Bitext intents do not separate (a return for size, a refund's status, an FAQ), told by their words.
const keywordSubflows: [RegExp, string][] = [
  [/\b(wrong|too (small|big|large|tight|loose)|doesn'?t fit|fit)\b.*\b(size)\b|\bsize\b/i, 'return_size'],
  [/\b(colou?r)\b/i, 'return_color'],
  [/\b(stain|stained)\b/i, 'return_stain'],
  [/\b(status|check on|where is|update on)\b.*\brefund\b|\brefund\b.*\b(status|yet|arrived)\b/i, 'refund_status'],
  [/\bpromo(tion(al)?)? code\b.*\b(expire|expired|last|valid)\b|\b(expire|expired)\b.*\bpromo/i, 'timing'],
  [/\bpromo(tion(al)?)? code\b/i, 'promo_code_invalid'],
  [/\b(membership|member|gold|silver|bronze)\b.*\b(level|benefit|perk|qualify)\b/i, 'membership'],
  [/\b(price|pricing|cost)\b.*\b(drop|lower|cheaper|competitor)\b/i, 'bad_price_competitor'],
  [/\b(boots?)\b/i, 'boots'],
  [/\b(jackets?)\b/i, 'jacket'],
];

const intentSubflows: Record<string, string> = {
  get_refund: 'refund_initiate',
  track_refund: 'refund_status',
  check_refund_policy: 'policy',
  cancel_order: 'manage_cancel',
  change_order: 'manage_upgrade',
  place_order: 'manage_create',
  track_order: 'status',
  delivery_period: 'status_delivery_time',
  delivery_options: 'cost',
  change_shipping_address: 'manage_change_address',
  set_up_shipping_address: 'manage_change_address',
  recover_password: 'recover_password',
  payment_issue: 'status_payment_method',
  check_payment_methods: 'manage_payment_method',
  edit_account: 'manage_change_name',
  check_cancellation_fee: 'status_mystery_fee',
  newsletter_subscription: 'status_service_removed',
  check_invoice: 'status_due_amount',
  get_invoice: 'status_due_amount',
};

export interface DetectedFlow {
  subflow: string;
  flow: string[];
}

export function detectFlow(intent: string, text: string): DetectedFlow | undefined {
  const all = allFlows();
  for (const [pattern, subflow] of keywordSubflows) {
    if (pattern.test(text) && all[subflow]) return { subflow, flow: all[subflow] };
  }
  const subflow = intentSubflows[intent];
  return subflow && all[subflow] ? { subflow, flow: all[subflow] } : undefined;
}

/** FAQ subflows are answered from the knowledge base, not with an account action. */
export function isFaqFlow(flow: DetectedFlow): boolean {
  return flow.flow[0] === 'search-faq';
}

/** The actions that resolve one subflow (kb.json), or undefined for a subflow it does not know. */
export function flowActions(subflow: string): string[] | undefined {
  return allFlows()[subflow];
}

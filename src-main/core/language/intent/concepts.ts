/**
 * Customers name the same thing many ways ("purchase", "order"; "bill", "invoice";
 * "reimbursement", "refund"). Each word below also fires a shared concept feature, so a
 * phrasing never seen in training still lands near the examples that used a synonym.
 * Words are compared by a crude key (no inflection, no final e, no doubled last letter) so
 * "cancelling", "canceled" and "cancel" all meet.
 */
const groups: Record<string, string[]> = {
  order: ['order', 'purchase', 'ord'],
  invoice: ['invoice', 'bill', 'receipt', 'billing'],
  refund: ['refund', 'reimbursement', 'reimburse', 'rebate', 'compensation', 'restitution', 'repayment', 'moneyback'],
  deliver: ['delivery', 'deliver', 'shipping', 'shipment', 'ship', 'dispatch', 'postage', 'courier'],
  cancel: ['cancel', 'cancellation', 'cancelation', 'revoke', 'annul', 'abort'],
  change: ['change', 'modify', 'edit', 'update', 'alter', 'amend', 'correct', 'adjust', 'fix'],
  remove: ['remove', 'delete', 'erase', 'drop', 'exclude'],
  add: ['add', 'include', 'insert', 'append'],
  account: ['account', 'profile', 'acct', 'acc'],
  see: ['see', 'check', 'view', 'look', 'consult', 'show', 'display', 'read', 'verify', 'review'],
  // Waiting on something already asked for is asking where it is: "I'm waiting for a rebate", "was it processed".
  find: ['find', 'locate', 'track', 'trace', 'follow', 'where', 'status', 'eta', 'wait', 'expect', 'await', 'pending', 'processed', 'progress', 'news'],
  get: ['get', 'receive', 'obtain', 'request', 'demand', 'claim', 'download', 'send'],
  person: ['human', 'agent', 'person', 'representative', 'operator', 'someone', 'somebody', 'employee', 'staff', 'assistant', 'rep'],
  talk: ['talk', 'speak', 'chat', 'contact', 'call', 'reach', 'phone', 'ring'],
  password: ['password', 'pwd', 'passcode', 'pin', 'pass', 'credential'],
  complaint: ['complaint', 'complain', 'grievance', 'protest', 'objection'],
  problem: ['problem', 'issue', 'error', 'trouble', 'bug', 'fail', 'failure', 'wrong', 'difficulty'],
  help: ['help', 'assistance', 'assist', 'support', 'aid', 'guidance'],
  method: ['method', 'option', 'way', 'mode', 'choice', 'alternative'],
  pay: ['pay', 'payment', 'paying', 'paid', 'card', 'paypal'],
  want: ['want', 'need', 'wanna', 'gotta', 'would', 'wish', 'like', 'require'],
  newsletter: ['newsletter', 'subscription', 'subscribe', 'unsubscribe', 'mailing', 'bulletin'],
  create: ['create', 'open', 'register', 'signup', 'new', 'make'],
  enter: ['enter', 'setup', 'set', 'submit', 'provide', 'input', 'type', 'establish'],
  buy: ['buy', 'shop', 'acquire'],
  switch: ['switch', 'move', 'upgrade', 'downgrade', 'migrate', 'transfer', 'convert'],
  feedback: ['feedback', 'comment', 'opinion', 'rating', 'rate', 'testimonial', 'suggestion'],
  fee: ['fee', 'charge', 'penalty', 'cost', 'price', 'fine'],
  time: ['long', 'period', 'time', 'when', 'soon', 'day', 'week', 'timeframe'],
  recover: ['recover', 'reset', 'retrieve', 'restore', 'forgot', 'forget', 'forgotten', 'lost', 'remember'],
  address: ['address', 'location', 'addr'],
  policy: ['policy', 'guarantee', 'warranty', 'term', 'condition', 'rule', 'situation', 'case', 'circumstance', 'eligible', 'eligibility', 'allowed'],
  item: ['item', 'product', 'article', 'thing', 'something', 'stuff'],
};

export function conceptKey(word: string): string {
  let key = word;
  if (key.length > 4) key = key.replace(/(?:ing|ed|es|(?<!s)s)$/, '');
  if (key.length > 3) key = key.replace(/e$/, '').replace(/i$/, 'y');
  return key.replace(/(.)\1$/, '$1');
}

const conceptByKey = new Map<string, string>();
for (const [concept, words] of Object.entries(groups)) for (const word of words) conceptByKey.set(conceptKey(word), concept);

export function conceptOf(word: string): string | undefined {
  return conceptByKey.get(conceptKey(word));
}

/** The other words of a word's concept, for synonym swaps during training. */
export function synonymsOf(word: string): readonly string[] {
  const concept = conceptOf(word);
  return concept ? (groups[concept] ?? []) : [];
}

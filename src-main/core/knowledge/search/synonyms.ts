/**
 * Support vocabulary: the words customers use, mapped to the words help articles use.
 * General to retail and account support, not to one article set: a rewrite only adds the
 * article-side words (it never removes the customer's own), and only words the index knows.
 */
export interface SynonymGroup {
  /** The help-article words a match adds to the query. */
  adds: string[];
  /** Customer words and phrases (lower case, space-separated words) that trigger it. */
  when: string[];
}

export const supportSynonyms: SynonymGroup[] = [
  { adds: ['refund'], when: ['reimbursement', 'reimburse', 'reimbursed', 'reimbursing', 'rebate', 'compensation', 'compensate', 'restitution', 'money back', 'repayment', 'repay', 'chargeback', 'cash back'] },
  { adds: ['cancel', 'cancellation'], when: ['call off', 'annul', 'revoke', 'withdraw', 'abort', 'cancelation', 'canceling', 'cancelling'] },
  { adds: ['human', 'agent', 'representative'], when: ['person', 'someone', 'somebody', 'operator', 'rep', 'human being', 'real person', 'live agent', 'live person', 'staff member', 'employee', 'assistant', 'people'] },
  { adds: ['customer', 'service', 'support'], when: ['customer care', 'help desk', 'helpdesk', 'support team', 'call center', 'service desk', 'hotline', 'customer support'] },
  { adds: ['complaint'], when: ['reclamation', 'grievance', 'complain', 'complaining', 'claim', 'dissatisfied', 'unhappy', 'disappointed', 'protest'] },
  { adds: ['password'], when: ['pass', 'pin', 'passcode', 'passphrase', 'pwd', 'credentials', 'access code'] },
  { adds: ['recover', 'reset'], when: ['retrieve', 'restore', 'forgot', 'forgotten', 'lost', 'regain', 'get back'] },
  { adds: ['account'], when: ['profile', 'acct', 'acc', 'user account', 'membership', 'login'] },
  { adds: ['delete', 'close'], when: ['remove', 'terminate', 'termination', 'deletion', 'erase', 'deactivate', 'get rid', 'closing', 'shut down', 'cancel my account'] },
  { adds: ['edit', 'update'], when: ['modify', 'amend', 'correct', 'correcting', 'fix', 'alter', 'modification', 'changes to'] },
  { adds: ['create', 'open'], when: ['sign up', 'signup', 'register', 'new account', 'make an account', 'set up an account', 'enroll', 'join'] },
  { adds: ['switch'], when: ['swap', 'move to', 'change to', 'changing to', 'migrate', 'upgrade', 'downgrade', 'change plan', 'convert'] },
  { adds: ['invoice'], when: ['bill', 'bills', 'receipt', 'billing statement', 'statement'] },
  { adds: ['delivery', 'shipping'], when: ['ship', 'shipment', 'shipments', 'deliver', 'delivered', 'courier', 'dispatch', 'send to', 'posting', 'mail to'] },
  { adds: ['arrive', 'delivery', 'time'], when: ['arrival', 'eta', 'get here', 'take to arrive', 'how long', 'how soon', 'when will', 'estimated'] },
  { adds: ['track', 'status'], when: ['where is', 'whereabouts', 'locate', 'tracking', 'trace', 'follow', 'progress', 'update on'] },
  { adds: ['order'], when: ['purchase', 'purchases', 'parcel', 'package', 'item', 'items', 'article', 'articles', 'product', 'products', 'goods', 'merchandise', 'buy', 'bought'] },
  { adds: ['place', 'purchase'], when: ['buy', 'shop', 'acquire', 'make an order', 'make a purchase', 'making an order', 'do a purchase'] },
  { adds: ['newsletter', 'subscription'], when: ['mailing list', 'emails', 'e mails', 'promotional email', 'unsubscribe', 'subscribe', 'opt out', 'opt in', 'bulletin'] },
  { adds: ['payment', 'pay'], when: ['card', 'credit card', 'debit', 'paypal', 'transfer', 'paying', 'checkout', 'charged', 'transaction'] },
  { adds: ['fee', 'charge'], when: ['penalty', 'fine', 'surcharge', 'cost', 'costs', 'charges', 'commission'] },
  { adds: ['address'], when: ['location', 'addr', 'street', 'postcode', 'zip code', 'where i live'] },
  { adds: ['review', 'feedback'], when: ['rating', 'rate', 'opinion', 'comment', 'testimonial', 'evaluate', 'assessment'] },
  { adds: ['problem', 'issue'], when: ['trouble', 'error', 'bug', 'fail', 'failed', 'failing', 'glitch', 'not working', 'wrong', 'difficulty', 'difficulties'] },
  { adds: ['options'], when: ['choices', 'alternatives', 'methods', 'ways'] },
  { adds: ['policy'], when: ['rules', 'terms', 'conditions', 'guarantee', 'warranty', 'entitled'] },
  { adds: ['return'], when: ['send back', 'exchange', 'give back'] },
  { adds: ['get', 'download'], when: ['obtain', 'receive', 'fetch', 'copy of', 'send me', 'print'] },
  { adds: ['report'], when: ['notify', 'inform', 'informing', 'notifying', 'tell you about', 'let you know', 'flag'] },
];

import type { ContactIdentifiers, IdentityLookup } from '../../../src-main/core/copilot/case/identity';

/**
 * The CRM cache's identity lookup over a few contacts, as the cache answers it: emails, usernames and
 * account ids case aside, phones by their digits, names case aside but accents as written.
 */
export function fakeIdentityLookup(contacts: ContactIdentifiers[], threadContact: string | null = null): IdentityLookup {
  const match = (contact: ContactIdentifiers, kind: string, value: string): boolean => {
    const v = value.toLowerCase();
    if (kind === 'email') return contact.email?.toLowerCase() === v;
    if (kind === 'username') return contact.username?.toLowerCase() === v;
    if (kind === 'order_id') return contact.orderIds.includes(value);
    if (kind === 'account_id') return contact.accountId?.toLowerCase() === v;
    if (kind === 'phone') return (contact.phone ?? '').replace(/\D/g, '') === value.replace(/\D/g, '');
    if (kind === 'name') return contact.name.toLowerCase() === v;
    return false;
  };
  return {
    threadContactId: () => threadContact,
    findContacts: (kind, value) => contacts.filter((contact) => match(contact, kind, value)).map(({ id, name }) => ({ id, name })),
    contactIdentifiers: (id) => contacts.find((contact) => contact.id === id),
  };
}

import type { Migration } from './migration';

/**
 * A reply typed here is stored under a local id at once; when the CRM accepts it, its CRM id is
 * recorded beside it so the next sync recognises the CRM's copy instead of showing the reply twice.
 */
export const replyReconciliation: Migration = {
  version: 2,
  name: 'CRM id of locally sent messages',
  up: `
    ALTER TABLE messages ADD COLUMN crm_id TEXT;
    CREATE UNIQUE INDEX messages_crm_id ON messages(crm_id) WHERE crm_id IS NOT NULL;
  `,
};

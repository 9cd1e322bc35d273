/**
 * One of two processes writing the same file through one of the app's writers, as fast as it can.
 * argv: kind, file, letter, count. Exits non-zero if any write throws.
 */
import { writeFileAtomicSync } from '../../../src-main/core/files/atomic-write';
import { createFileSecretStore } from '../../../src-main/core/mcp/client/secret-store';
import { createFileSettingsStore } from '../../../src-main/core/mcp/client/settings';
import { createRescheduleLedger } from '../../../src-main/core/mcp/demo-carrier/reschedule-ledger';
import { jsonSecretBlobFile } from '../../../src-main/hosts/electron/secrets';

const [kind, file, letter, countText] = process.argv.slice(2) as [string, string, string, string];
const count = Number(countText);
// The ledger keeps every entry, so its entries stay small; the other files hold one big value.
const payload = letter.repeat(kind === 'ledger' ? 2_000 : 200_000);

for (let index = 0; index < count; index += 1) {
  if (kind === 'helper') writeFileAtomicSync(file, JSON.stringify({ value: payload }));
  else if (kind === 'mcp-secrets') createFileSecretStore(file).set('mcp:shared:token', payload);
  else if (kind === 'desktop-secrets') jsonSecretBlobFile(file).write({ value: payload });
  else if (kind === 'mcp-settings')
    createFileSettingsStore(file).save([
      ...Array.from({ length: 50 }, (_, server) => ({
        id: `${letter}${server}`,
        name: letter.repeat(100),
        enabled: true,
        trustedForReads: false,
        timeoutMs: 15_000,
        transport: { type: 'http' as const, url: `https://example.com/${letter.repeat(1_900)}`, hasToken: false },
      })),
    ]);
  else if (kind === 'ledger')
    createRescheduleLedger(file).record({ idempotencyKey: `${letter}-${index}`, trackingNumber: 'T1', newDate: '2026-12-24', timeWindow: 'any', confirmation: payload, at: new Date().toISOString() });
  else throw new Error(`unknown writer ${kind}`);
}

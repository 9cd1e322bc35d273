import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../src-main/core/contract/errors';
import { jsonSecretBlobFile, SafeStorageSecretStore } from '../../../src-main/hosts/electron/secrets';
import { FakeConsent, FakeSafeStorage, MemoryBlobFile } from './doubles';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function store(options: { backend?: string; available?: boolean; consent?: boolean; platform?: NodeJS.Platform } = {}) {
  const safeStorage = new FakeSafeStorage();
  safeStorage.backend = options.backend ?? 'gnome_libsecret';
  safeStorage.available = options.available ?? true;
  const file = new MemoryBlobFile();
  const consent = new FakeConsent(options.consent ?? false);
  const secrets = new SafeStorageSecretStore({ safeStorage, file, platform: options.platform ?? 'linux', consent });
  return { secrets, safeStorage, file, consent };
}

describe('the safeStorage secret store', () => {
  it('encrypts every secret with safeStorage and reads it back', async () => {
    const { secrets, safeStorage, file } = store();
    const values = { llmApiKey: 'sk-live-abcdef0123456789', crmToken: 'pat-na1-11112222-3333', embeddingsApiKey: 'emb-key-9876', 'mcp:carrier': 'mcp-token-5555' } as const;
    for (const [name, value] of Object.entries(values)) await secrets.set(name as keyof typeof values, value);
    expect(safeStorage.encrypted.sort()).toEqual(Object.values(values).sort());
    const stored = JSON.stringify(file.blobs);
    for (const [name, value] of Object.entries(values)) {
      expect(stored).not.toContain(value);
      expect(stored).not.toContain(Buffer.from(value).toString('base64'));
      expect(secrets.get(name as keyof typeof values)).toBe(value);
      expect(secrets.has(name as keyof typeof values)).toBe(true);
    }
    secrets.delete('crmToken');
    expect(secrets.has('crmToken')).toBe(false);
    expect(secrets.get('crmToken')).toBeUndefined();
  });

  it('on basic_text asks first and stores nothing when the agent declines', async () => {
    const { secrets, file, consent, safeStorage } = store({ backend: 'basic_text', consent: false });
    expect(secrets.backend()).toBe('basic_text');
    const failure = await secrets.set('llmApiKey', 'sk-declined').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CoreError);
    expect((failure as CoreError).code).toBe('POLICY_BLOCKED');
    expect(consent.asked).toBe(1);
    expect(file.writes).toBe(0);
    expect(safeStorage.encrypted).toEqual([]);
    expect(secrets.has('llmApiKey')).toBe(false);
  });

  it('on basic_text stores after consent, and asks only once', async () => {
    const { secrets, consent } = store({ backend: 'basic_text', consent: true });
    await secrets.set('llmApiKey', 'sk-agreed-1');
    await secrets.set('crmToken', 'crm-agreed-2');
    expect(consent.asked).toBe(1);
    expect(consent.recorded).toBe(true);
    expect(secrets.get('crmToken')).toBe('crm-agreed-2');
  });

  it('asks nobody where a keyring exists, and basic_text is a Linux matter only', async () => {
    const linux = store({ backend: 'kwallet5' });
    await linux.secrets.set('llmApiKey', 'k1');
    expect(linux.consent.asked).toBe(0);
    const mac = store({ backend: 'basic_text', platform: 'darwin' });
    expect(mac.secrets.backend()).toBe('os');
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const { secrets, file } = store({ available: false });
    expect(secrets.backend()).toBe('unavailable');
    await expect(secrets.set('llmApiKey', 'k')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(file.writes).toBe(0);
  });

  it('treats a blob it can no longer decrypt (another keyring) as missing', async () => {
    const first = store();
    await first.secrets.set('llmApiKey', 'sk-old');
    const second = store();
    second.file.blobs = first.file.read();
    expect(second.secrets.has('llmApiKey')).toBe(true);
    expect(second.secrets.get('llmApiKey')).toBeUndefined();
  });

  it('keeps the blob file private to the user', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copilot-secrets-'));
    folders.push(folder);
    const path = join(folder, 'secrets.json');
    const safeStorage = new FakeSafeStorage();
    const secrets = new SafeStorageSecretStore({ safeStorage, file: jsonSecretBlobFile(path), platform: 'linux', consent: new FakeConsent(false) });
    await secrets.set('crmToken', 'pat-file-check-123');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toContain('pat-file-check-123');
    expect(secrets.get('crmToken')).toBe('pat-file-check-123');
  });
});

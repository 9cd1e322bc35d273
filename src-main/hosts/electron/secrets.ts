import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../core/files/atomic-write';
import { CoreError } from '../../core/contract/errors';
import type { SecretBackend, SecretName, SecretStore } from '../../core/secrets/secret-store';

/** The part of Electron's safeStorage the store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring Chromium picked ('basic_text' means none). */
  getSelectedStorageBackend?(): string;
}

/** Encrypted blobs at rest, base64 by name. */
export interface SecretBlobFile {
  read(): Record<string, string>;
  write(blobs: Record<string, string>): void;
}

/** The agent's answer to "store secrets without a keyring?", remembered in settings. */
export interface PlainTextConsent {
  given(): boolean;
  record(): void;
  /** Explains that no keyring protects the secrets here and asks whether to store them anyway. */
  ask(): Promise<boolean>;
}

export interface SafeStorageSecretStoreOptions {
  safeStorage: SafeStorageLike;
  file: SecretBlobFile;
  platform: NodeJS.Platform;
  consent: PlainTextConsent;
}

/** Secrets encrypted with Electron's safeStorage; nothing is written before encryption succeeds. */
export class SafeStorageSecretStore implements SecretStore {
  constructor(private readonly options: SafeStorageSecretStoreOptions) {}

  backend(): SecretBackend {
    const { safeStorage, platform } = this.options;
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'basic_text';
    return 'os';
  }

  has(name: SecretName): boolean {
    return Object.hasOwn(this.options.file.read(), name);
  }

  get(name: SecretName): string | undefined {
    const blob = this.options.file.read()[name];
    if (blob === undefined || !this.options.safeStorage.isEncryptionAvailable()) return undefined;
    try {
      return this.options.safeStorage.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      // Encrypted under another keyring or user: unreadable, the agent enters it again.
      return undefined;
    }
  }

  async set(name: SecretName, value: string): Promise<void> {
    const backend = this.backend();
    if (backend === 'unavailable') {
      throw new CoreError(
        'UNAVAILABLE',
        'This computer offers no way to store secrets encrypted, so the key was not saved.',
        'On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then try again.',
      );
    }
    if (backend === 'basic_text' && !this.options.consent.given()) {
      if (!(await this.options.consent.ask())) {
        throw new CoreError(
          'POLICY_BLOCKED',
          'The key was not saved: no keyring protects secrets on this computer and you chose not to store it anyway.',
          'Install and unlock a keyring (GNOME Keyring or KWallet) and restart the app, or agree to store it without one.',
        );
      }
      this.options.consent.record();
    }
    const blob = this.options.safeStorage.encryptString(value).toString('base64');
    this.options.file.write({ ...this.options.file.read(), [name]: blob });
  }

  delete(name: SecretName): void {
    const blobs = { ...this.options.file.read() };
    if (!Object.hasOwn(blobs, name)) return;
    delete blobs[name];
    this.options.file.write(blobs);
  }
}

/** A JSON file readable by the user only, replaced atomically so a crash never leaves half a file. */
export function jsonSecretBlobFile(path: string): SecretBlobFile {
  return {
    read() {
      if (!existsSync(path)) return {};
      try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
        return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      } catch {
        return {};
      }
    },
    write(blobs) {
      writeFileAtomicSync(path, JSON.stringify(blobs), { mode: 0o600 });
    },
  };
}

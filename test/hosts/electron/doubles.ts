import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { SafeStorageLike, PlainTextConsent } from '../../../src-main/hosts/electron/secrets';

/**
 * A stand-in for Electron's safeStorage that really encrypts (AES-256-GCM under a per-instance key),
 * so a test that looks for plain text in files can fail if anything bypasses it.
 */
export class FakeSafeStorage implements SafeStorageLike {
  readonly key = randomBytes(32);
  available = true;
  backend = 'gnome_libsecret';
  encrypted: string[] = [];

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    this.encrypted.push(plainText);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  }

  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

export class FakeConsent implements PlainTextConsent {
  asked = 0;
  recorded = false;
  constructor(public answer: boolean) {}
  given(): boolean {
    return this.recorded;
  }
  record(): void {
    this.recorded = true;
  }
  async ask(): Promise<boolean> {
    this.asked += 1;
    return this.answer;
  }
}

export class MemoryBlobFile {
  blobs: Record<string, string> = {};
  writes = 0;
  read(): Record<string, string> {
    return { ...this.blobs };
  }
  write(blobs: Record<string, string>): void {
    this.writes += 1;
    this.blobs = { ...blobs };
  }
}

/** An event that records whether default handling was prevented. */
export class PreventableEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

/** WebContents as far as the shell's hardening goes: listeners kept by name, the window-open handler kept. */
export class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

/** ipcMain as the gate uses it: one handler per channel, invoked like Electron does. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: never, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => Promise<unknown>);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export function frame(url: string | undefined, options: { parent?: unknown; destroyed?: boolean } = {}) {
  return { url, parent: options.parent ?? null, isDestroyed: () => options.destroyed ?? false };
}

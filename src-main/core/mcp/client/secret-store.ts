import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../files/atomic-write';

/**
 * Where secrets live in main, never in the renderer. The Electron host can supply one backed by
 * the OS keychain (safeStorage); the core ships an in-memory one and a 0600 file for the CLI and web host.
 */
export interface SecretStore {
  get(name: McpSecretName): string | undefined;
  /** The app's keyring-backed store answers asynchronously (and may refuse); these answer at once. */
  set(name: McpSecretName, value: string): void | Promise<void>;
  delete(name: McpSecretName): void;
}

/** Names the app's secret store (core/secrets) already reserves for MCP tokens. */
export type McpSecretName = `mcp:${string}`;

export const mcpTokenSecret = (serverId: string): McpSecretName => `mcp:${serverId}:token`;

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (name) => secrets.get(name),
    set: (name, value) => void secrets.set(name, value),
    delete: (name) => void secrets.delete(name),
  };
}

/** Plain JSON readable by the user only (mode 0600): for the CLI and web host, as safe as the account, no more. */
export function createFileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return {};
    }
  };
  const write = (secrets: Record<string, string>): void => {
    writeFileAtomicSync(file, JSON.stringify(secrets), { mode: 0o600 });
  };
  return {
    get: (name) => read()[name],
    set(name, value) {
      write({ ...read(), [name]: value });
    },
    delete(name) {
      const secrets = read();
      delete secrets[name];
      write(secrets);
    },
  };
}

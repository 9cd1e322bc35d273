/** The secrets the app keeps: model and CRM credentials, and one token per MCP server (`mcp:<server id>`). */
export type SecretName = 'llmApiKey' | 'crmToken' | 'embeddingsApiKey' | `mcp:${string}`;

export const fixedSecretNames = ['llmApiKey', 'crmToken', 'embeddingsApiKey'] as const satisfies readonly SecretName[];

/**
 * How secrets are protected here. `os`: the OS keyring (Keychain, DPAPI, libsecret/kwallet);
 * `basic_text`: Linux without a keyring, where the encryption key is a constant, so storing needs consent;
 * `unavailable`: nothing can be stored.
 */
export type SecretBackend = 'os' | 'basic_text' | 'unavailable';

/**
 * Where hosts keep credentials. Values are encrypted at rest by the implementation, are handed
 * to the core in its config, and never travel to a renderer.
 */
export interface SecretStore {
  backend(): SecretBackend;
  has(name: SecretName): boolean;
  /** The decrypted value, or undefined when missing or no longer decryptable (e.g. the keyring changed). */
  get(name: SecretName): string | undefined;
  /** Encrypts and stores; rejects with a CoreError when it cannot be stored safely or the user declined. */
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): void;
}

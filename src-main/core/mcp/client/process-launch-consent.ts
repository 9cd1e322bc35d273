import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomicSync } from '../../files/atomic-write';
import type { McpServerConfig } from './settings';

/** Exactly what would run: a yes is worth this command, these arguments, this folder and this environment. */
export interface ProcessLaunchRequest {
  serverId: string;
  serverName: string;
  command: string;
  args: string[];
  cwd: string | undefined;
  env: Record<string, string>;
}

export type LaunchVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * The port through which the core asks to start a program: implemented by each host with something a
 * renderer or a contract call cannot reach (a native dialog in Electron, the terminal in the CLI, a start-up
 * flag in the web host). The contract can ask for a server; only this answers whether a process starts.
 */
export interface ProcessLaunchConsent {
  /**
   * Whether an earlier yes for the same fingerprint stands without asking again. False where the host's
   * rule is fixed for the run (the web host's flag): a remembered yes must not outlive the flag.
   */
  readonly remembersApprovals: boolean;
  ask(request: ProcessLaunchRequest): Promise<LaunchVerdict>;
}

/** A host that cannot ask anyone: tests and embedders that give no consent start no program. */
export const refuseEveryLaunch: ProcessLaunchConsent = {
  remembersApprovals: false,
  ask: async () => ({ allowed: false, reason: 'this app has no way to ask you here, so it starts no programs' }),
};

export function launchRequestOf(config: McpServerConfig): ProcessLaunchRequest | undefined {
  if (config.transport.type !== 'stdio') return undefined;
  return { serverId: config.id, serverName: config.name, command: config.transport.command, args: config.transport.args, cwd: config.transport.cwd, env: config.transport.env ?? {} };
}

/** A hash of what would run; the server's id and name are labels and take no part. */
export function launchFingerprint(request: ProcessLaunchRequest): string {
  const env = Object.entries(request.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([request.command, request.args, request.cwd ?? null, env]))
    .digest('hex');
}

const approvalsFileSchema = z.strictObject({ version: z.literal(1), approved: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(500) });

/** The approvals the agent gave, as fingerprints in a 0600 file in the data folder (never the commands themselves). */
export interface LaunchApprovals {
  has(fingerprint: string): boolean;
  add(fingerprint: string): void;
}

export function createFileLaunchApprovals(file: string): LaunchApprovals {
  const read = (): string[] => {
    try {
      const parsed = approvalsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data.approved : [];
    } catch {
      return [];
    }
  };
  return {
    has: (fingerprint) => read().includes(fingerprint),
    add(fingerprint) {
      const approved = read().filter((known) => known !== fingerprint);
      writeFileAtomicSync(file, JSON.stringify({ version: 1, approved: [...approved, fingerprint].slice(-500) }), { mode: 0o600 });
    },
  };
}

export function createMemoryLaunchApprovals(): LaunchApprovals {
  const approved = new Set<string>();
  return { has: (fingerprint) => approved.has(fingerprint), add: (fingerprint) => void approved.add(fingerprint) };
}

/**
 * Stands between the hub and every process it would start. A remembered yes for the same fingerprint
 * lets it through; anything new (an edited command, argument or variable, a hand-written entry) asks.
 * A no is kept for the run, so a reconnect loop never raises the question again; saving or testing the
 * server asks once more.
 */
export interface LaunchGate {
  /** Resolves when the launch may go ahead; rejects with the refusal in plain words. */
  authorize(config: McpServerConfig): Promise<void>;
  /** The agent acted on this server (saved it, tested it, switched it on): a refusal this run is forgotten. */
  reconsider(config: McpServerConfig): void;
}

export class LaunchRefused extends Error {
  override name = 'LaunchRefused';
}

export function createLaunchGate(consent: ProcessLaunchConsent, approvals: LaunchApprovals): LaunchGate {
  const refused = new Map<string, string>();
  const asking = new Map<string, Promise<LaunchVerdict>>();
  // One question on screen at a time, however many servers (or calls) want one.
  let questions: Promise<unknown> = Promise.resolve();
  return {
    async authorize(config) {
      const request = launchRequestOf(config);
      if (!request) return;
      const fingerprint = launchFingerprint(request);
      if (consent.remembersApprovals && approvals.has(fingerprint)) return;
      const earlier = refused.get(fingerprint);
      if (earlier !== undefined) throw new LaunchRefused(`${config.name} was not started: ${earlier}.`);
      // One question for concurrent connects of the same command (start, test and a retry at once).
      let pending = asking.get(fingerprint);
      if (!pending) {
        pending = questions.then(() => consent.ask(request)).finally(() => asking.delete(fingerprint));
        questions = pending.catch(() => undefined);
        asking.set(fingerprint, pending);
      }
      const verdict = await pending;
      if (verdict.allowed) {
        if (consent.remembersApprovals) approvals.add(fingerprint);
        return;
      }
      refused.set(fingerprint, verdict.reason);
      throw new LaunchRefused(`${config.name} was not started: ${verdict.reason}.`);
    },
    reconsider(config) {
      const request = launchRequestOf(config);
      if (request) refused.delete(launchFingerprint(request));
    },
  };
}

import type { z } from 'zod';

/**
 * A contract method: the zod schema main validates the input against, and the
 * result type carried as a phantom so the renderer gets it without importing zod at run time.
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly __result?: R;
}

export function method<I extends z.ZodType>(input: I): { returns<R>(): MethodSpec<I, R> } {
  return {
    returns<R>(): MethodSpec<I, R> {
      return { input };
    },
  };
}

/** An event pushed from main to the renderer; the payload type is a phantom. */
export interface EventSpec<P> {
  readonly __payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}

/** Every error that crosses the boundary has one of these codes, so the UI can pick its wording. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'UNAVAILABLE',
  'POLICY_BLOCKED',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ContractErrorShape {
  code: ErrorCode;
  message: string;
  /** What the user can do about it, in plain words. */
  hint?: string;
}

/** Electron passes only an error's message across IPC, so every answer is an envelope. */
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ContractErrorShape };

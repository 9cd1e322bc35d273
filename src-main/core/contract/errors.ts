import type { ContractErrorShape, ErrorCode } from './define';

/** An error a user can meet; its message and hint are shown as they are, so write them in plain words. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CoreError';
    this.code = code;
    this.hint = hint;
  }

  toShape(): ContractErrorShape {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Thrown on the renderer side when main answers `{ ok: false }`. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(shape: ContractErrorShape) {
    super(shape.message);
    this.name = 'ContractError';
    this.code = shape.code;
    this.hint = shape.hint;
  }
}

import type { z } from 'zod';
import { appMethods } from './app';
import type { EventSpec, MethodSpec } from './define';
import { events } from './events';
import { knowledgeMethods } from './knowledge';
import { workspaceMethods } from './workspace';
import { copilotMethods } from './copilot';
import { desktopMethods } from './desktop';
import { mcpMethods } from './mcp';
import { insightsMethods } from './insights';

export * from './define';
export type * from './app';
export type * from './events';
export type * from './bridge';
export type * from './knowledge';
export type * from './workspace';
export type * from './copilot';
export type * from './desktop';
export type * from './mcp';
export type * from './insights';

/** The one contract between renderer and main. Every channel derives from these keys. */
export const contract = {
  ...appMethods,
  ...knowledgeMethods,
  ...workspaceMethods,
  ...copilotMethods,
  ...desktopMethods,
  ...mcpMethods,
  ...insightsMethods,
};

export { events };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

// The channel names live with the other names, which the preload imports without the schemes.
export { ipcChannels } from './names';

/** Handlers the core provides for every method, taking the already validated input. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodResult<M>>;
};

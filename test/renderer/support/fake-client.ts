import type { CopilotClient } from '@contract/bridge';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '@contract/index';
import { setClientForTests } from '@renderer/client/provide';

type Answer<M extends MethodName> = MethodResult<M> | ((input: MethodInput<M>) => MethodResult<M> | Promise<MethodResult<M>>);

export interface FakeClient extends CopilotClient {
  /** Every call, in order, with its input as sent. */
  calls: { method: MethodName; input: unknown }[];
  answer<M extends MethodName>(method: M, answer: Answer<M>): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  setConnected(value: boolean): void;
}

/** A client that answers from a table and records what the renderer sent; installed for the stores. */
export function installFakeClient(): FakeClient {
  const answers = new Map<MethodName, unknown>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connection = new Set<(connected: boolean) => void>();
  const calls: { method: MethodName; input: unknown }[] = [];
  const client: FakeClient = {
    transport: 'websocket',
    calls,
    async call(method, input) {
      calls.push({ method, input });
      if (!answers.has(method)) throw new Error(`fake client: no answer for ${method}`);
      const answer = answers.get(method);
      return (typeof answer === 'function' ? await (answer as (value: unknown) => unknown)(input) : structuredClone(answer)) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnectionChange(listener) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
    answer(method, answer) {
      answers.set(method, answer);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    setConnected(value) {
      for (const listener of connection) listener(value);
    },
  };
  setClientForTests(client);
  return client;
}

/** Lets pending promise chains (store actions awaiting the fake) settle. */
export async function settle(): Promise<void> {
  for (let index = 0; index < 5; index++) await new Promise((resolve) => setTimeout(resolve, 0));
}

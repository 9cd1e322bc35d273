import type { EventName, EventPayload } from '../contract/index';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
export type AnyEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Typed events from the core to whichever host is attached. Listeners are removed by the function `on` returns. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly allListeners = new Set<AnyEventListener>();

  on<E extends EventName>(name: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  onAny(listener: AnyEventListener): () => void {
    this.allListeners.add(listener);
    return () => this.allListeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
    for (const listener of this.allListeners) listener(name, payload);
  }
}

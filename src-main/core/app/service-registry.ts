import type { ServiceStateEvent } from '../contract/index';
import type { EventBus } from '../events/event-bus';

/** Tracks each service's state so the status bar can say what works and what does not. */
export class ServiceRegistry {
  private readonly states = new Map<string, ServiceStateEvent>();

  constructor(private readonly bus: EventBus) {}

  set(name: string, state: ServiceStateEvent['state'], detail?: string): void {
    const entry: ServiceStateEvent = detail === undefined ? { name, state } : { name, state, detail };
    this.states.set(name, entry);
    this.bus.emit('app.serviceState', entry);
  }

  list(): ServiceStateEvent[] {
    return [...this.states.values()];
  }
}

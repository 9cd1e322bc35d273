import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/core/events/event-bus';

describe('event bus', () => {
  it('delivers to named and catch-all listeners until they unsubscribe', () => {
    const bus = new EventBus();
    const named: string[] = [];
    const all: string[] = [];
    const offNamed = bus.on('app.serviceState', (payload) => named.push(payload.name));
    const offAll = bus.onAny((event) => all.push(event));
    bus.emit('app.serviceState', { name: 'sync', state: 'ready' });
    offNamed();
    offAll();
    bus.emit('app.serviceState', { name: 'knowledge', state: 'ready' });
    expect(named).toEqual(['sync']);
    expect(all).toEqual(['app.serviceState']);
  });
});

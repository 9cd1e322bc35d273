import type { ServiceStateEvent } from '../../core/contract/events';
import type { MenuItemTemplate } from './menu';

/** The part of Electron's Tray the shell uses. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface StatusTrayDeps {
  tray: TrayLike;
  buildMenu(template: MenuItemTemplate[]): unknown;
  show(): void;
  quit(): void;
}

type State = ServiceStateEvent['state'];
const worstFirst: State[] = ['error', 'offline', 'starting', 'ready'];

/** The overall status: the worst state among the services, in a word the agent understands. */
export function statusLine(services: ReadonlyMap<string, ServiceStateEvent>): string {
  const all = [...services.values()];
  if (all.length === 0) return 'Starting…';
  const worst = worstFirst.find((state) => all.some((service) => service.state === state)) ?? 'ready';
  const affected = all.filter((service) => service.state === worst).map((service) => service.name);
  switch (worst) {
    case 'error':
      return `Problem: ${affected.join(', ')}`;
    case 'offline':
      return `Offline: ${affected.join(', ')}`;
    case 'starting':
      return 'Starting…';
    default:
      return 'Ready';
  }
}

/** A tray icon with the app's status, a way back to the window and quit; a click shows the window. */
export class StatusTray {
  private readonly services = new Map<string, ServiceStateEvent>();
  private template: MenuItemTemplate[] = [];

  constructor(private readonly deps: StatusTrayDeps) {
    deps.tray.on('click', () => deps.show());
    this.render();
  }

  /** Takes an `app.serviceState` event. */
  update(event: ServiceStateEvent): void {
    this.services.set(event.name, event);
    this.render();
  }

  status(): string {
    return statusLine(this.services);
  }

  /** The context menu as last shown. */
  menu(): MenuItemTemplate[] {
    return this.template;
  }

  private render(): void {
    const status = this.status();
    this.template = [
      { label: status, type: 'normal' },
      { type: 'separator' },
      { label: 'Show Support Copilot', click: () => this.deps.show() },
      { label: 'Quit', click: () => this.deps.quit() },
    ];
    this.deps.tray.setToolTip(`Support Copilot — ${status}`);
    this.deps.tray.setContextMenu(this.deps.buildMenu(this.template));
  }

  destroy(): void {
    this.deps.tray.destroy();
  }
}

import { defaultGlobalShortcut } from './settings-schema';

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface SummonShortcutDeps {
  globalShortcut: GlobalShortcutLike;
  /** Shows and focuses the window, then asks the renderer to focus the knowledge search. */
  summon(): void;
}

/**
 * The system-wide shortcut that summons the window with knowledge search focused.
 * Another app may own the keys already; then registration reports false and the previous one stays.
 */
export class SummonShortcut {
  private current: string | undefined;

  constructor(private readonly deps: SummonShortcutDeps) {}

  /** Registers `accelerator` in place of the current one; false when the system refused it. */
  set(accelerator: string = defaultGlobalShortcut): boolean {
    if (accelerator === this.current) return true;
    let registered = false;
    try {
      registered = this.deps.globalShortcut.register(accelerator, () => this.deps.summon());
    } catch {
      // Electron throws on an accelerator it cannot parse.
      registered = false;
    }
    if (!registered) return false;
    if (this.current) this.deps.globalShortcut.unregister(this.current);
    this.current = accelerator;
    return true;
  }

  accelerator(): string | undefined {
    return this.current;
  }

  dispose(): void {
    if (this.current) this.deps.globalShortcut.unregister(this.current);
    this.current = undefined;
  }
}

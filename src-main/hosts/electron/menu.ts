/** A native menu item, in the shape Electron's Menu.buildFromTemplate takes. */
export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/**
 * The renderer's commands that have a menu entry, with the same keys as the renderer's default
 * bindings ("Mod" there is CommandOrControl here). Keys without a modifier (Tab, Escape, ?) stay
 * with the renderer so typing is never taken over by the menu.
 */
export const menuCommands = [
  { menu: 'Copilot', command: 'suggestion.acceptTop', label: 'Accept Top Suggestion', accelerator: undefined, hint: 'Tab' },
  { menu: 'Copilot', command: 'action.approve', label: 'Approve Action', accelerator: 'CommandOrControl+Shift+A' },
  { menu: 'Copilot', command: 'action.reject', label: 'Reject Action', accelerator: 'CommandOrControl+Shift+R' },
  { menu: 'Go', command: 'queue.next', label: 'Next Conversation', accelerator: 'Alt+Down' },
  { menu: 'Go', command: 'queue.previous', label: 'Previous Conversation', accelerator: 'Alt+Up' },
  { menu: 'Go', command: 'knowledge.focusSearch', label: 'Search Knowledge', accelerator: 'CommandOrControl+/' },
  { menu: 'Go', command: 'palette.open', label: 'Command Palette…', accelerator: 'CommandOrControl+K' },
  { menu: 'Go', command: 'view.settings', label: 'Settings…', accelerator: 'CommandOrControl+,' },
  { menu: 'Go', command: 'sync.now', label: 'Sync Now', accelerator: 'Alt+S' },
] as const;

export type MenuCommand = (typeof menuCommands)[number]['command'];

export interface AppMenuDeps {
  platform: NodeJS.Platform;
  /** Runs a renderer command: the shell sends it to the window as an `app.command` event. */
  runCommand(command: string): void;
  quit(): void;
}

/** The application menu: platform roles for editing and windows, and the copilot's commands. */
export function appMenuTemplate(deps: AppMenuDeps): MenuItemTemplate[] {
  const commandMenu = (menu: 'Copilot' | 'Go'): MenuItemTemplate => ({
    label: menu,
    submenu: menuCommands
      .filter((entry) => entry.menu === menu)
      .map((entry) => ({
        label: 'hint' in entry ? `${entry.label}\t${entry.hint}` : entry.label,
        ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        click: () => deps.runCommand(entry.command),
      })),
  });
  const quit: MenuItemTemplate = { label: 'Quit Support Copilot', accelerator: 'CommandOrControl+Q', click: deps.quit };
  const template: MenuItemTemplate[] = [];
  if (deps.platform === 'darwin') {
    template.push({ label: 'Support Copilot', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, quit] });
  } else {
    template.push({ label: 'File', submenu: [quit] });
  }
  template.push(
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    commandMenu('Copilot'),
    commandMenu('Go'),
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  );
  return template;
}

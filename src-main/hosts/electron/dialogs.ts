import type { ExternalLinks } from './security';

interface MessageBoxOptions {
  type: 'warning' | 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** The part of Electron's dialog module the shell uses. */
export interface DialogLike {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

async function ask(dialog: DialogLike, options: MessageBoxOptions): Promise<boolean> {
  const { response } = await dialog.showMessageBox(options);
  return response === 0;
}

/** Asks before storing secrets where no keyring protects them (Linux `basic_text`); the safe answer is the default. */
export function consentDialog(dialog: DialogLike): Promise<boolean> {
  return ask(dialog, {
    type: 'warning',
    title: 'No keyring on this computer',
    message: 'Your keys would be stored without real protection.',
    detail:
      'This computer has no keyring (such as GNOME Keyring or KWallet) to encrypt secrets with, so anyone who can read your files could recover your API key and CRM token. Install and unlock a keyring and restart the app to store them safely.',
    buttons: ['Store anyway', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
}

/** External https links open in the browser only after the agent has seen where they lead. */
export function externalLinkDialog(dialog: DialogLike, shell: ShellLike): ExternalLinks {
  return {
    confirm: (url) =>
      ask(dialog, {
        type: 'question',
        title: 'Open in your browser?',
        message: 'This link leads outside Support Copilot.',
        detail: url,
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      }),
    open: (url) => shell.openExternal(url),
  };
}

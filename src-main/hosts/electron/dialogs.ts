import type { ProcessLaunchConsent, ProcessLaunchRequest } from '../../core/mcp/client/process-launch-consent';
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

const shown = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max)}…` : value);

/** What would run, in full enough for the agent to recognise it: the program, every argument, the folder, the variables. */
export function describeLaunch(request: ProcessLaunchRequest): string {
  const lines = [`Program: ${shown(request.command, 500)}`];
  if (request.args.length > 0) lines.push(`Arguments: ${request.args.map((arg) => JSON.stringify(shown(arg, 300))).join(' ')}`);
  if (request.cwd) lines.push(`Folder: ${shown(request.cwd, 500)}`);
  const env = Object.entries(request.env);
  // A variable that looks like a credential is named, not shown: the dialog may be on a shared screen.
  if (env.length > 0) lines.push(`Environment: ${env.map(([name, value]) => `${name}=${/key|token|secret|passw/i.test(name) ? '(hidden)' : shown(value, 120)}`).join(', ')}`);
  lines.push('', 'It runs with your rights on this computer. Start it only if you know what it is. You will be asked again if any of this changes.');
  return lines.join('\n');
}

/**
 * The desktop app's answer to "start this MCP server's program?": a native dialog, which the window's
 * page cannot draw, click or dismiss. Cancel is the default; a yes is remembered for exactly this launch.
 */
export function launchConsentDialog(dialog: DialogLike): ProcessLaunchConsent {
  return {
    remembersApprovals: true,
    async ask(request) {
      const allowed = await ask(dialog, {
        type: 'warning',
        title: 'Start a program?',
        message: `The MCP server “${shown(request.serverName, 100)}” wants to start a program on this computer.`,
        detail: describeLaunch(request),
        buttons: ['Start it', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return allowed ? { allowed: true } : { allowed: false, reason: 'you chose not to start its program (save or test the server to be asked again)' };
    },
  };
}

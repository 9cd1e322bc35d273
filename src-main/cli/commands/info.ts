import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringFlag } from '../args';
import type { CliCommand } from '../command';
import { createCore } from '../../core/core';
import { silentLogger } from '../../core/log/logger';

export const infoCommand: CliCommand = {
  path: ['info'],
  summary: 'Start the core and print what it reports about itself',
  usage: 'info [--data <dir>] [--json]',
  async run(context) {
    const given = stringFlag(context.args, 'data');
    const dataDir = given ?? mkdtempSync(join(tmpdir(), 'copilot-info-'));
    const core = await createCore({ dataDir, host: 'cli' }, { logger: silentLogger });
    try {
      await core.start();
      const info = await core.handlers['app.info']({});
      if (context.json) context.printJson(info);
      else context.say(`${info.name} ${info.version}: ${info.services.map((s) => `${s.name}=${s.state}`).join(', ')}`);
    } finally {
      await core.dispose();
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

import { numberFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import type { AppInfo } from '../../core/contract/app';
import { configFromEnv } from '../../core/config-from-env';
import { createCore } from '../../core/core';
import { silentLogger } from '../../core/log/logger';
import { defaultDataDir } from '../../core/paths/data-dir';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's state as the window would see it: the same data folder, the same environment, services given time to settle. */
export const infoCommand: CliCommand = {
  path: ['info'],
  summary: "Start the core on the app's data folder and print the state of each service once it has settled",
  usage: 'info [--data <dir>] [--wait <seconds>] [--json]',
  async run(context) {
    const dataDir = stringFlag(context.args, 'data') ?? defaultDataDir();
    const waitMs = (numberFlag(context.args, 'wait') ?? 30) * 1000;
    const core = await createCore(configFromEnv(process.env, { dataDir, host: 'cli' }), { logger: silentLogger });
    try {
      await core.start();
      let info: AppInfo = await core.handlers['app.info']({});
      const deadline = Date.now() + waitMs;
      while (info.services.some((service) => service.state === 'starting') && Date.now() < deadline) {
        await sleep(250);
        info = await core.handlers['app.info']({});
      }
      if (context.json) {
        context.printJson({ ...info, dataDir });
        return;
      }
      const workspace = info.workspace === 'demo' ? 'demo workspace (no CRM configured: the built-in demo CRM and demo carrier)' : `CRM at ${core.config.crm?.url ?? '?'}`;
      context.say(`${info.name} ${info.version} — ${workspace}`);
      context.say(`Data folder: ${dataDir}`);
      for (const service of info.services) context.say(`  ${service.name}: ${service.state}${service.detail ? ` — ${service.detail}` : ''}`);
      if (info.services.some((service) => service.state === 'starting')) context.say(`Some services were still starting after ${waitMs / 1000} s (--wait to give them longer).`);
    } finally {
      await core.dispose();
    }
  },
};

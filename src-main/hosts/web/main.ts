import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv } from '../../core/config-from-env';
import { createCore } from '../../core/core';
import { defaultDataDir } from '../../core/paths/data-dir';
import { preparePrivateDataDir } from '../../core/paths/private-data-dir';
import { repoRoot } from '../../core/paths/repo-root';
import { stdioMcpAllowed, webLaunchConsent } from './launch-consent';
import { startWebHost } from './server';

/** `npm run start:web`: the same core as the desktop app, served to a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  preparePrivateDataDir(dataDir);
  const rendererDir = join(repoRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('The renderer is not built yet. Run `npm run build` first (npm run start:web does it for you).\n');
    process.exitCode = 1;
    return;
  }
  const allowStdio = stdioMcpAllowed(process.argv.slice(2), process.env);
  const core = await createCore(configFromEnv(process.env, { dataDir, host: 'web' }), { launchConsent: webLaunchConsent(allowStdio) });
  const portArg = process.env.COPILOT_WEB_PORT;
  const host = await startWebHost({ core, rendererDir, ...(portArg ? { port: Number(portArg) } : {}) });
  process.stdout.write(`Support Copilot is running. Open this address in your browser (it works only on this machine):\n\n  ${host.url}\n\nData folder: ${dataDir}\n${allowStdio ? 'stdio MCP servers may start programs (--allow-stdio-mcp).\n' : ''}Press Ctrl+C to stop.\n`);
  void core.start().catch((error: unknown) => {
    core.logger.error('core start failed', { error: error instanceof Error ? error.message : String(error) });
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => core.dispose())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

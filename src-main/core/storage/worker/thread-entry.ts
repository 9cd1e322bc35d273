import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the writer thread's code is, and how Node must load it. */
export interface ThreadEntry {
  url: URL;
  execArgv: string[];
}

/** The name the app's build gives the thread's bundle (electron.vite.config.ts lists it as an input). */
export const writerThreadBundle = 'storage-page-writer.js';

/**
 * From source (tsx, vitest, the web host) the thread runs the TypeScript file with tsx's loader; in the built
 * app it runs the bundle the build emits beside the main bundle. Undefined when neither is there.
 */
export function pageWriterThreadEntry(): ThreadEntry | undefined {
  const source = new URL('./page-writer-thread.ts', import.meta.url);
  if (source.protocol === 'file:' && existsSync(fileURLToPath(source))) return { url: source, execArgv: ['--import', tsxLoader()] };
  for (const candidate of [`./${writerThreadBundle}`, `../${writerThreadBundle}`]) {
    const built = new URL(candidate, import.meta.url);
    if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  }
  return undefined;
}

/** tsx's loader by its path, so that the thread finds it whatever the working folder. */
function tsxLoader(): string {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    return 'tsx';
  }
}

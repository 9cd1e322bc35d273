import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run build` in production mode, into a scratch folder: what ships in the app must carry
 * no source maps, nothing of the dev server, and a main entry that leaves the heavy modules for later.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let outDir: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** The packages a module imports statically (`import … from "x"`), node built-ins left out. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)].map((match) => match[1]!);
  return specifiers.filter((specifier) => !specifier.startsWith('node:') && !specifier.startsWith('.'));
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'copilot-build-'));
  // As `npm run build` runs in CI: no NODE_ENV, no dev server address.
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.ELECTRON_RENDERER_URL;
  delete env.VITEST;
  await promisify(execFile)(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: root,
    env,
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('has the main process, the preload and the renderer', () => {
    const files = filesUnder(outDir).map((path) => relative(outDir, path).split('\\').join('/'));
    expect(files).toContain('main/index.js');
    expect(files).toContain('preload/index.cjs');
    expect(files).toContain('renderer/index.html');
  });

  it('ships no source maps and no reference to one', () => {
    const files = filesUnder(outDir);
    expect(files.filter((path) => path.endsWith('.map'))).toEqual([]);
    for (const path of files) expect(readFileSync(path, 'utf8'), relative(outDir, path)).not.toMatch(/sourceMappingURL|sourcesContent/);
  });

  it('carries nothing of the dev server or hot reload', () => {
    const devServer = /\/@vite\/client|@vite\/env|import\.meta\.hot|__vite_ping|__VUE_HMR_RUNTIME__|\[vite\] connect|localhost:5173|127\.0\.0\.1:5173|http:\/\/localhost[:/]/;
    for (const path of filesUnder(outDir)) expect(readFileSync(path, 'utf8'), relative(outDir, path)).not.toMatch(devServer);
    // Only main reads the dev server variable, and rendererLocation ignores it in a packaged app.
    for (const path of filesUnder(join(outDir, 'renderer')).concat(filesUnder(join(outDir, 'preload')))) {
      expect(readFileSync(path, 'utf8')).not.toContain('ELECTRON_RENDERER_URL');
    }
  });

  it('builds Vue for production', () => {
    const script = filesUnder(join(outDir, 'renderer')).filter((path) => path.endsWith('.js'));
    expect(script.length).toBeGreaterThan(0);
    for (const path of script) expect(readFileSync(path, 'utf8')).not.toMatch(/\[Vue warn\]|__VUE_OPTIONS_API__ !== false && process\.env/);
  });

  it('loads LangGraph, the LLM client, LanceDB and SQLite only after the window is up', () => {
    const entry = staticImports(join(outDir, 'main', 'index.js'));
    expect(entry).toContain('electron');
    expect(entry.filter((name) => /^@langchain\/|^@lancedb\/|^better-sqlite3$|^unpdf$/.test(name))).toEqual([]);
    // They are in chunks reached by dynamic import, and the copilot and index are chunks of their own.
    const chunks = filesUnder(join(outDir, 'main')).filter((path) => path.includes('chunks'));
    const byChunk = chunks.map((path) => ({ path, imports: staticImports(path) }));
    expect(byChunk.some((chunk) => chunk.imports.includes('@langchain/langgraph'))).toBe(true);
    expect(byChunk.some((chunk) => chunk.imports.includes('@lancedb/lancedb'))).toBe(true);
    // The core's own chunk (the cache database and sync, found by its first migration) pulls in neither:
    // the copilot's chunk may open SQLite for its checkpoints, but only once the copilot is first used.
    const coreChunk = byChunk.find((chunk) => readFileSync(chunk.path, 'utf8').includes('CREATE TABLE messages'));
    expect(coreChunk?.imports).toContain('better-sqlite3');
    expect(coreChunk?.imports.filter((name) => /^@langchain\/|^@lancedb\//.test(name))).toEqual([]);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    const preload = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('keeps the preload small: the names of the contract, not its zod schemas', () => {
    const preload = join(outDir, 'preload', 'index.cjs');
    expect(statSync(preload).size).toBeLessThanOrEqual(20 * 1024);
    expect(readFileSync(preload, 'utf8')).not.toMatch(/ZodError|safeParse|strictObject/);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src-main', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The core folder each relative import of `folder` lands in (type-only imports count: they tie the two as much). */
function importedFolders(folder: string): { file: string; target: string }[] {
  return sourceFiles(join(core, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((match) => ({
      file: relative(core, file),
      target: relative(core, resolve(dirname(file), match[1] ?? '')).split(/[\\/]/)[0] ?? '',
    })),
  );
}

describe('the copilot and the MCP client meet only at the composition root', () => {
  it('no file of core/copilot imports core/mcp: the copilot declares its MCP port and adapts the client in adapters.ts', () => {
    expect(importedFolders('copilot').filter(({ target }) => target === 'mcp')).toEqual([]);
  });

  it('no file of core/mcp imports core/copilot', () => {
    expect(importedFolders('mcp').filter(({ target }) => target === 'copilot')).toEqual([]);
  });

  it('the check sees imports at all: the copilot does import storage, knowledge and language', () => {
    const targets = new Set(importedFolders('copilot').map(({ target }) => target));
    for (const folder of ['storage', 'knowledge', 'language']) expect(targets.has(folder), folder).toBe(true);
  });

  it('core.ts hands the MCP client to the copilot through the adapter', () => {
    expect(readFileSync(join(core, 'core.ts'), 'utf8')).toMatch(/createCopilotMcpPort\(/);
  });
});

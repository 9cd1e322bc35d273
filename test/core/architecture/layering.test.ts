import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');

describe('layering', () => {
  it('the core, the CLI and the web host never import electron', () => {
    const offenders = ['src-main/core', 'src-main/cli', 'src-main/hosts/web'].flatMap((folder) =>
      sourceFiles(join(root, folder)).filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => spec === 'electron' || spec.startsWith('electron/'))),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('the renderer imports neither Node, Electron nor main-process code other than the contract', () => {
    const offenders = sourceFiles(join(root, 'src-renderer')).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => /^(node:|electron$|fs$|path$|child_process$)/.test(spec) || (spec.includes('src-main') && !spec.includes('core/contract')))
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});

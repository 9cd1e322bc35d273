import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

const core = join(root, 'src-main', 'core');

/** core/<folder> → the core folders its files import (type-only imports too: they tie the folders together as much). */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(core)) {
    const [from, ...rest] = relative(core, file).split(sep);
    if (!from || rest.length === 0) continue; // core.ts, the composition root, may import every folder
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const [to, ...inner] = relative(core, resolve(dirname(file), spec)).split(sep);
      if (!to || to === from || to === '..' || inner.length === 0) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, relative(root, file));
      graph.set(from, edges);
    }
  }
  return graph;
}

/** A cycle in the graph without the given edges, as a path of folders, or undefined. */
function findCycle(graph: Map<string, Map<string, string>>, without: Set<string>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (without.has(`${node} -> ${next}`)) continue;
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * Folder imports that close a cycle today and are someone's work to end. Each is one edge: without them the core's
 * folders form no cycle, so any new cycle fails the test; and each must still close its cycle, so that when it is
 * ended it is also taken off this list.
 */
const knownCycleEdges: Record<string, string> = {
  // None today: the contract owns the case state's shape (contract/case-state.ts) and the copilot imports it.
};

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

describe('one owner of SQLite, and folders without cycles', () => {
  /** Files outside storage/ allowed to import better-sqlite3, each with why. None left: the MCP outbox moved into the cache with the one outbox (issue 15). */
  const knownSqliteImports: string[] = [];

  it('imports better-sqlite3 only in src-main/core/storage/', () => {
    const importers = sourceFiles(join(root, 'src-main'))
      .filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => spec === 'better-sqlite3' || spec.startsWith('better-sqlite3/')))
      .map((file) => relative(root, file));
    expect(importers.filter((file) => !file.startsWith(join('src-main', 'core', 'storage') + sep) && !knownSqliteImports.includes(file))).toEqual([]);
    expect(importers.some((file) => file.startsWith(join('src-main', 'core', 'storage') + sep))).toBe(true);
    // An exception that is gone is taken off the list.
    expect(knownSqliteImports.filter((file) => !importers.includes(file))).toEqual([]);
  });

  it("reaches the cache's connection only from storage/", () => {
    const offenders = sourceFiles(join(root, 'src-main'))
      .filter((file) => !relative(core, file).startsWith(`storage${sep}`))
      .flatMap((file) => importsOf(readFileSync(file, 'utf8')).filter((spec) => /storage\/connection$/.test(spec)).map((spec) => `${relative(root, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between core folders but the known ones, and each known one is still a cycle', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(5);
    const known = new Set(Object.keys(knownCycleEdges));
    const cycle = findCycle(graph, known);
    const described = cycle?.map((folder, index) => (index === 0 ? folder : `${folder} (${graph.get(cycle[index - 1] ?? '')?.get(folder) ?? '?'})`)).join(' → ');
    expect(described).toBeUndefined();
    for (const edge of known) {
      const [from = '', to = ''] = edge.split(' -> ');
      const others = new Set([...known].filter((item) => item !== edge));
      expect(graph.get(from)?.has(to), `${edge} no longer exists: take it off knownCycleEdges`).toBe(true);
      expect(findCycle(graph, others), `${edge} no longer closes a cycle: take it off knownCycleEdges`).toBeDefined();
    }
  });
});

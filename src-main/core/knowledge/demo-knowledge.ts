import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../paths/repo-root';
import { loadArticlesFromDir } from './sources/directory';
import type { KnowledgeArticle } from './types';

/** The demo retailer's agent playbooks (from the ABCD guidelines) and policy notes, shipped in resources/. */
export function demoKnowledgeDir(): string {
  return join(resourcesDir(), 'knowledge', 'demo');
}

/** The demo retailer's customer-facing help centre: `help-centre/<lang>/*.md`. */
export function demoHelpCentreDir(): string {
  return join(resourcesDir(), 'knowledge', 'help-centre');
}

/**
 * The demo workspace's knowledge, as one source: the playbooks (undeclared, so playbooks) and the help
 * centre (customer-facing by its folder and front matter).
 */
export async function loadDemoKnowledge(): Promise<KnowledgeArticle[]> {
  const playbooks = await loadArticlesFromDir(demoKnowledgeDir(), 'demo');
  const helpCentre = existsSync(demoHelpCentreDir()) ? await loadArticlesFromDir(demoHelpCentreDir(), 'demo') : [];
  // The folder's README tells authors how to write articles; it is not one.
  return [...playbooks, ...helpCentre.filter((article) => article.id !== 'readme')];
}

import { join } from 'node:path';
import { resourcesDir } from '../paths/repo-root';

/** The demo retailer's help articles and policies, shipped in resources/. */
export function demoKnowledgeDir(): string {
  return join(resourcesDir(), 'knowledge', 'demo');
}

import type { KnowledgeKind } from '../types';

/** Front-matter and connector spellings of the two kinds; anything else is treated as undeclared. */
const kindWords: Record<string, KnowledgeKind> = {
  'help-centre': 'help-centre',
  'help-center': 'help-centre',
  helpcentre: 'help-centre',
  helpcenter: 'help-centre',
  'customer-facing': 'help-centre',
  faq: 'help-centre',
  playbook: 'playbook',
  playbooks: 'playbook',
  internal: 'playbook',
  agent: 'playbook',
  guideline: 'playbook',
  guidelines: 'playbook',
};

export function parseKind(value: string | undefined): KnowledgeKind | undefined {
  return value === undefined ? undefined : kindWords[value.trim().toLowerCase().replace(/[\s_]+/g, '-')];
}

/**
 * The folder convention: a file under a folder named `help-centre` (or `help-center`) is customer-facing,
 * one under `playbooks` is for agents. The nearest such folder wins, so `help-centre/internal/` is internal.
 */
export function kindFromFolders(folders: string[]): KnowledgeKind | undefined {
  for (let at = folders.length - 1; at >= 0; at -= 1) {
    const folder = (folders[at] ?? '').toLowerCase();
    if (folder === 'help-centre' || folder === 'help-center' || folder === 'helpcentre' || folder === 'helpcenter') return 'help-centre';
    if (folder === 'playbooks' || folder === 'playbook' || folder === 'internal') return 'playbook';
  }
  return undefined;
}

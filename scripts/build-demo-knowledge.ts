// Writes the demo retailer's agent playbooks (resources/knowledge/demo/playbook-*.md) from ASAPP's
// ABCD guidelines (MIT, resources/knowledge/LICENSE-abcd), declared `kind: playbook`. The policy-*.md notes are
// written by hand and left undeclared (playbooks until an agent marks them customer-facing); the customer-facing
// articles are the help centre in resources/knowledge/help-centre/<lang>/.
//   npx tsx scripts/build-demo-knowledge.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Action {
  type: string;
  button: string;
  text: string;
  subtext: string[];
}
interface Flow {
  description: string;
  subflows: Record<string, { actions: Action[]; instructions: string[] }>;
}

const root = join(import.meta.dirname, '..', 'resources', 'knowledge');
const guidelines = JSON.parse(readFileSync(join(root, 'abcd-guidelines.json'), 'utf8')) as Record<string, Flow>;
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

for (const [flowName, flow] of Object.entries(guidelines)) {
  for (const [name, subflow] of Object.entries(flow.subflows)) {
    const id = `playbook-${slug(name)}`;
    const lines = [
      '---',
      `id: ${id}`,
      `title: "${name} (${flowName})"`,
      `tags: [playbook, ${slug(flowName)}]`,
      // Written for agents: shown as guidance and citable, never pasted into a reply to a customer.
      'kind: playbook',
      'lang: en',
      `url: https://help.acmebrands.example/playbooks/${slug(name)}`,
      '---',
      '',
      `# ${name}`,
      '',
      `Part of the ${flowName} playbook: ${flow.description}.`,
      '',
      '## When to use it',
      '',
      ...subflow.instructions.map((line) => `${line.trim()}`),
      '',
      '## Steps',
      '',
      ...subflow.actions.flatMap((action, index) => [
        `${index + 1}. ${action.button !== 'N/A' ? `**${action.button}**: ` : ''}${action.text.replace(/\s+/g, ' ').trim()}`,
        ...action.subtext.map((sub) => `   - ${sub.replace(/\s+/g, ' ').trim()}`),
      ]),
      '',
    ];
    writeFileSync(join(root, 'demo', `${id}.md`), lines.join('\n'));
  }
}

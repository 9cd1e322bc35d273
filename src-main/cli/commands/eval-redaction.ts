import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { evaluateRedaction } from '../../core/language/redaction/evaluate-redaction';
import { repoRoot } from '../../core/paths/repo-root';

export const evalRedactionCommand: CliCommand = {
  path: ['eval', 'redaction'],
  summary: 'Recall per PII family and precision on ordinary text of the redactor, on a marked corpus',
  usage: 'eval redaction [--corpus <dir of family.txt files, values in «…»>] [--json]',
  async run(context) {
    const dir = stringFlag(context.args, 'corpus') ?? join(repoRoot(), 'test', 'fixtures', 'pii-corpus');
    if (!existsSync(dir)) throw new CliUsageError(`No such folder: ${dir}`);
    const corpus: Record<string, string[]> = {};
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
      corpus[basename(file, '.txt')] = readFileSync(join(dir, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
    }
    const result = evaluateRedaction(corpus);
    for (const family of result.families) {
      context.say(`${family.family.padEnd(8)} recall ${family.recall.toFixed(3)} (${family.caught}/${family.values}, right placeholder ${family.rightKind})${family.missed.length ? `  missed: ${family.missed.join(' | ')}` : ''}`);
    }
    context.say(`ordinary text untouched ${result.clean.untouched}/${result.clean.lines} (precision ${result.clean.precision.toFixed(3)})${result.clean.changed.length ? `  changed: ${result.clean.changed.join(' | ')}` : ''}`);
    context.say(`redacted characters inside marked values: ${(result.charPrecision * 100).toFixed(1)}%   ${result.microsPerLine.toFixed(0)} µs per line`);
    if (context.json) context.printJson(result);
  },
};

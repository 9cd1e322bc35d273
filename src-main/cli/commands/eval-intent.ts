import { existsSync } from 'node:fs';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { requireCsvColumns } from '../input-files';
import { evaluateIntentModel } from '../../core/language/intent/evaluate';
import { loadIntentModel } from '../../core/language/intent/model';
import { readLabelledCsv } from '../../core/language/intent/training-data';

export const evalIntentCommand: CliCommand = {
  path: ['eval', 'intent'],
  summary: 'Accuracy and macro-F1 of the offline intent model on a labelled CSV',
  usage: 'eval intent --data <csv> [--model <file>] [--json]',
  async run(context) {
    const data = stringFlag(context.args, 'data');
    if (!data) throw new CliUsageError('--data <csv> is required');
    if (!existsSync(data)) throw new CliUsageError(`No such file: ${data}`);
    requireCsvColumns(data, 'data', [['utterance', 'intent'], ['instruction', 'intent']]);
    const modelPath = stringFlag(context.args, 'model');
    const model = loadIntentModel(modelPath);
    const result = evaluateIntentModel(model, readLabelledCsv(data));
    context.say(`n=${result.n} accuracy=${result.accuracy.toFixed(4)} macro_f1=${result.macro_f1.toFixed(4)}`);
    context.say('most confused (expected → predicted):');
    for (const confusion of result.confusions) context.say(`  ${confusion.expected} → ${confusion.predicted}: ${confusion.count}`);
    if (context.json) context.printJson({ n: result.n, accuracy: Number(result.accuracy.toFixed(4)), macro_f1: Number(result.macro_f1.toFixed(4)) });
  },
};

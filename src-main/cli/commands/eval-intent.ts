import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand, CliContext } from '../command';
import { requireCsvColumns } from '../input-files';
import { expectedCalibrationError } from '../../core/language/intent/calibration';
import { crossDirection, evaluateNonRequests, ownSplit } from '../../core/language/intent/cross-evaluation';
import { evaluateIntentModel } from '../../core/language/intent/evaluate';
import { loadIntentModel, noneIntent, type IntentModel } from '../../core/language/intent/model';
import { bundledTrainingFiles, readLabelledCsv } from '../../core/language/intent/training-data';
import { repoRoot } from '../../core/paths/repo-root';

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function sayNone(context: CliContext, model: IntentModel, lines: string[]): { n: number; recall: number } {
  const result = evaluateNonRequests(model, lines);
  context.say(`  non-requests answered none: ${result.recall.toFixed(3)} (${result.n - result.missed.length}/${result.n})${result.missed.length ? `  missed: ${result.missed.map((miss) => `${miss.text} → ${miss.predicted}`).join(' | ')}` : ''}`);
  return { n: result.n, recall: Number(result.recall.toFixed(4)) };
}

export const evalIntentCommand: CliCommand = {
  path: ['eval', 'intent'],
  summary: 'Accuracy, macro-F1, "none" answers and calibration (ECE, 10 bins) of the offline intent model',
  usage: 'eval intent (--data <csv> [--model <file>] | --cross) [--none <txt>] [--json]',
  async run(context) {
    const nonePath = stringFlag(context.args, 'none') ?? join(repoRoot(), 'test', 'fixtures', 'intent', 'non-requests.txt');
    const noneLines = existsSync(nonePath) ? readLines(nonePath) : [];
    if (context.args.flags.get('cross') === true) {
      // Trains three models (about a minute each): file → file both ways, and our own split for calibration.
      const responses = readLabelledCsv(bundledTrainingFiles.responses);
      const utterances = readLabelledCsv(bundledTrainingFiles.utterances);
      const report: Record<string, unknown> = {};
      for (const [trainName, train, testName, test] of [
        ['responses', responses, 'utterances', utterances],
        ['utterances', utterances, 'responses', responses],
      ] as const) {
        const direction = crossDirection(trainName, train, testName, test);
        context.say(`train ${trainName} → test ${testName}: accuracy ${direction.evaluation.accuracy.toFixed(4)} macro_f1 ${direction.evaluation.macro_f1.toFixed(4)} wrongly none ${direction.noneRate.toFixed(4)} ECE ${direction.calibration.ece.toFixed(4)} (temperature ${direction.temperature})`);
        for (const confusion of direction.evaluation.confusions.slice(0, 5)) context.say(`  ${confusion.expected} → ${confusion.predicted}: ${confusion.count}`);
        const none = sayNone(context, direction.model, noneLines);
        report[`${trainName}_to_${testName}`] = { accuracy: Number(direction.evaluation.accuracy.toFixed(4)), macro_f1: Number(direction.evaluation.macro_f1.toFixed(4)), none_rate: Number(direction.noneRate.toFixed(4)), ece: Number(direction.calibration.ece.toFixed(4)), non_requests: none };
      }
      const split = ownSplit([...responses, ...utterances]);
      context.say(`own split (both files + generated non-requests, 80/10/10): accuracy ${split.accuracy.toFixed(4)} ECE ${split.calibration.ece.toFixed(4)} on ${split.n} held-out lines (temperature ${split.temperature})`);
      for (const bin of split.calibration.bins.filter((item) => item.n > 0)) context.say(`  confidence ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}: n=${bin.n} mean confidence ${bin.confidence.toFixed(3)} accuracy ${bin.accuracy.toFixed(3)}`);
      report.own_split = { n: split.n, accuracy: Number(split.accuracy.toFixed(4)), ece: Number(split.calibration.ece.toFixed(4)) };
      if (context.json) context.printJson(report);
      return;
    }
    const data = stringFlag(context.args, 'data');
    if (!data) throw new CliUsageError('--data <csv> or --cross is required');
    if (!existsSync(data)) throw new CliUsageError(`No such file: ${data}`);
    requireCsvColumns(data, 'data', [['utterance', 'intent'], ['instruction', 'intent']]);
    const model = loadIntentModel(stringFlag(context.args, 'model'));
    const examples = readLabelledCsv(data);
    const result = evaluateIntentModel(model, examples);
    const calibration = expectedCalibrationError(model, examples);
    const none = examples.filter((example) => model.classify(example.text, 1).intent === noneIntent).length;
    context.say(`n=${result.n} accuracy=${result.accuracy.toFixed(4)} macro_f1=${result.macro_f1.toFixed(4)} wrongly_none=${(none / Math.max(1, result.n)).toFixed(4)} ece=${calibration.ece.toFixed(4)}`);
    context.say('most confused (expected → predicted):');
    for (const confusion of result.confusions) context.say(`  ${confusion.expected} → ${confusion.predicted}: ${confusion.count}`);
    const noneResult = sayNone(context, model, noneLines);
    if (context.json) context.printJson({ n: result.n, accuracy: Number(result.accuracy.toFixed(4)), macro_f1: Number(result.macro_f1.toFixed(4)), ece: Number(calibration.ece.toFixed(4)), non_requests: noneResult });
  },
};

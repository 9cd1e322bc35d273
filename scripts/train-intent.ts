// Trains the offline intent model shipped in resources/language/intent-model.bin.
//   npx tsx scripts/train-intent.ts                       # both bundled files (the shipped model)
//   npx tsx scripts/train-intent.ts --only responses --out /tmp/m.bin   # for the cross-sample estimate
// Generated non-request lines ("thanks", an email alone, "bye") are added as the `none:<kind>` classes.
import { writeFileSync } from 'node:fs';
import { trainCalibrated, withNonRequests } from '../src-main/core/language/intent/cross-evaluation';
import { defaultIntentModelPath, serializeIntentModel } from '../src-main/core/language/intent/model';
import { trainIntentModel, type LabelledText } from '../src-main/core/language/intent/train';
import { bundledTrainingFiles, readLabelledCsv } from '../src-main/core/language/intent/training-data';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const only = flag('only');
const out = flag('out') ?? defaultIntentModelPath();
const requests: LabelledText[] = [
  ...(only !== 'utterances' ? readLabelledCsv(bundledTrainingFiles.responses) : []),
  ...(only !== 'responses' ? readLabelledCsv(bundledTrainingFiles.utterances) : []),
];
const examples = withNonRequests(requests, 11);

// Temperature scaling: fitted on a held-out tenth, then the model is trained again on everything.
const { data: probe } = trainCalibrated(examples, 11);
const data = trainIntentModel(examples, { temperature: probe.temperature, threshold: 0.3 });
const buffer = serializeIntentModel(data);
writeFileSync(out, buffer);
process.stdout.write(`trained on ${examples.length} examples (${examples.length - requests.length} non-requests), temperature ${probe.temperature}, ${buffer.length} bytes → ${out}\n`);

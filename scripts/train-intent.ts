// Trains the offline intent model shipped in resources/language/intent-model.bin.
//   npx tsx scripts/train-intent.ts                       # both bundled files (the shipped model)
//   npx tsx scripts/train-intent.ts --only responses --out /tmp/m.bin   # for the cross-sample estimate
import { writeFileSync } from 'node:fs';
import { createIntentModel, defaultIntentModelPath, serializeIntentModel } from '../src-main/core/language/intent/model';
import { trainIntentModel, type LabelledText } from '../src-main/core/language/intent/train';
import { bundledTrainingFiles, readLabelledCsv } from '../src-main/core/language/intent/training-data';
import { mulberry32 } from '../src-main/core/random/mulberry32';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const only = flag('only');
const out = flag('out') ?? defaultIntentModelPath();
const examples: LabelledText[] = [
  ...(only !== 'utterances' ? readLabelledCsv(bundledTrainingFiles.responses) : []),
  ...(only !== 'responses' ? readLabelledCsv(bundledTrainingFiles.utterances) : []),
];

// Temperature: fitted on a held-out tenth so the probabilities mean what they say.
const random = mulberry32(11);
const shuffled = [...examples].sort(() => random() - 0.5);
const cut = Math.floor(shuffled.length * 0.9);
const heldOut = shuffled.slice(cut);
const probe = trainIntentModel(shuffled.slice(0, cut));
let best = { temperature: 1, loss: Infinity };
// Geometric steps: averaged SGD weights are small, so the best temperature is often well below 1.
for (let temperature = 0.03; temperature <= 4; temperature *= 1.1) {
  const model = createIntentModel({ ...probe, temperature });
  let loss = 0;
  for (const example of heldOut) {
    const result = model.classify(example.text, probe.labels.length);
    const p = result.top.find((score) => score.intent === example.intent)?.probability ?? 1e-9;
    loss -= Math.log(Math.max(p, 1e-9));
  }
  if (loss < best.loss) best = { temperature, loss };
}

const data = trainIntentModel(examples, { temperature: Number(best.temperature.toFixed(3)), threshold: 0.3 });
const buffer = serializeIntentModel(data);
writeFileSync(out, buffer);
process.stdout.write(`trained on ${examples.length} examples, temperature ${best.temperature.toFixed(3)}, ${buffer.length} bytes → ${out}\n`);

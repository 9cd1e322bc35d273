import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths/repo-root';
import { parseCsv } from '../../text/csv';
import type { LabelledText } from './train';

/** Reads a CSV with an `intent` column and the text in `utterance` or `instruction`. */
export function readLabelledCsv(path: string): LabelledText[] {
  return parseCsv(readFileSync(path, 'utf8'))
    .map((row) => ({ text: row.utterance ?? row.instruction ?? '', intent: row.intent ?? '' }))
    .filter((row) => row.text.trim() !== '' && row.intent !== '');
}

export const bundledTrainingFiles = {
  responses: join(resourcesDir(), 'language', 'data', 'train-responses.csv'),
  utterances: join(resourcesDir(), 'language', 'data', 'train-utterances.csv'),
};

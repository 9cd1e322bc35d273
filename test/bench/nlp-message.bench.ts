import { createLanguageAnalyzer } from '../../src-main/core/language/index';
import { bundledTrainingFiles, readLabelledCsv } from '../../src-main/core/language/intent/training-data';
import { timeAsync, type Benchmark } from './harness';
import { trainNaiveBayes } from './naive-bayes';

/** One customer message through intent, entities, sentiment, language and redaction, against naive Bayes alone. */
const bench: Benchmark = {
  name: 'nlp-message',
  async run() {
    const messages = readLabelledCsv(bundledTrainingFiles.utterances).map((row) => row.text);
    const withPii = messages.map((text, index) => (index % 3 === 0 ? `${text} - I'm at jane.doe${index}@example.com or +1 (415) 555-01${index % 90}` : text));
    const analyzer = createLanguageAnalyzer();
    const naiveBayes = trainNaiveBayes(readLabelledCsv(bundledTrainingFiles.responses));
    const iterations = 3000;
    const subject = await timeAsync((index) => {
      const text = withPii[index % withPii.length] ?? '';
      // analyze() redacts too, with the conversation's redactor.
      analyzer.analyze(text, { knownNames: ['Jane Doe'] });
    }, iterations, 200);
    const baseline = await timeAsync((index) => naiveBayes(withPii[index % withPii.length] ?? ''), iterations, 200);
    return {
      name: 'nlp-message',
      figures: [
        { label: 'classify+entities+sentiment+redact', unit: 'ms', subject, baselineLabel: 'naive Bayes intent only', baseline },
      ],
    };
  },
};
export default bench;

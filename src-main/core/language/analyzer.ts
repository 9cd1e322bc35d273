import { extractEntities, type Entity } from './entities';
import { loadIntentModel, type IntentModel, type IntentResult } from './intent/model';
import { detectLanguage, type DetectedLanguage } from './language-id';
import { analyzeSentiment, type SentimentResult } from './sentiment';

export interface MessageAnalysis {
  intent: IntentResult;
  entities: Entity[];
  sentiment: SentimentResult;
  language: DetectedLanguage;
}

export interface LanguageAnalyzer {
  analyze(text: string, options?: { history?: number[] }): MessageAnalysis;
}

/** Everything the copilot needs to know about one message, offline, in about a millisecond. */
export function createLanguageAnalyzer(model: IntentModel = loadIntentModel()): LanguageAnalyzer {
  return {
    analyze(text, options = {}) {
      return {
        intent: model.classify(text, 3),
        entities: extractEntities(text),
        sentiment: analyzeSentiment(text, options.history ?? []),
        language: detectLanguage(text),
      };
    },
  };
}

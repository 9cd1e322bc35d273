import { extractEntities, type Entity } from './entities';
import { classifyLine } from './intent/foreign-lines';
import { loadIntentModel, type IntentModel, type IntentResult } from './intent/model';
import { detectLanguage, type DetectedLanguage } from './language-id';
import { createRedactor, type Redactor } from './redaction/redactor';
import { analyzeSentiment, type SentimentResult } from './sentiment';

export interface MessageAnalysis {
  intent: IntentResult;
  entities: Entity[];
  sentiment: SentimentResult;
  language: DetectedLanguage;
  /** The message with personal data replaced by placeholders: the only form that may reach an LLM or a log. */
  redacted: string;
}

export interface AnalyzeOptions {
  /** Sentiment scores of the customer's earlier messages, oldest first. */
  history?: number[];
  /** Names from the CRM record, redacted from this message on. */
  knownNames?: string[];
}

export interface LanguageAnalyzer {
  analyze(text: string, options?: AnalyzeOptions): MessageAnalysis;
  /** The conversation's redactor: its placeholder mapping stays in main, for `restore`. */
  readonly redactor: Redactor;
}

/**
 * Everything the copilot needs to know about one message, offline, well under a millisecond.
 * One analyzer per conversation, so a value keeps its placeholder across messages.
 */
export function createLanguageAnalyzer(model: IntentModel = loadIntentModel(), redactor: Redactor = createRedactor()): LanguageAnalyzer {
  return {
    redactor,
    analyze(text, options = {}) {
      if (options.knownNames?.length) redactor.addKnownNames(options.knownNames);
      const language = detectLanguage(text);
      return {
        intent: classifyLine(model, text, language, 3),
        entities: extractEntities(text),
        sentiment: analyzeSentiment(text, options.history ?? []),
        language,
        redacted: redactor.redact(text),
      };
    },
  };
}

export { createLanguageAnalyzer, type AnalyzeOptions, type LanguageAnalyzer, type MessageAnalysis } from './analyzer';
export { extractEntities, type Entity, type EntityType } from './entities';
export { loadIntentModel, noneIntent, type IntentModel, type IntentResult, type IntentScore, type LineKind } from './intent/model';
export { conversationLanguage, detectLanguage, reliableLanguageConfidence, type DetectedLanguage } from './language-id';
export { stripInvisible } from './normalize';
export { createRedactor, type KnownValues, type PiiKind, type PiiSpan, type Redactor, type RedactorOptions } from './redaction/redactor';
export { analyzeSentiment, sentimentTrend, type SentimentResult, type SentimentTrend } from './sentiment';

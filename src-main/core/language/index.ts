export { createLanguageAnalyzer, type AnalyzeOptions, type LanguageAnalyzer, type MessageAnalysis } from './analyzer';
export { extractEntities, type Entity, type EntityType } from './entities';
export { loadIntentModel, type IntentModel, type IntentResult, type IntentScore } from './intent/model';
export { detectLanguage, type DetectedLanguage } from './language-id';
export { stripInvisible } from './normalize';
export { createRedactor, type PiiKind, type Redactor, type RedactorOptions } from './redaction/redactor';
export { analyzeSentiment, sentimentTrend, type SentimentResult, type SentimentTrend } from './sentiment';

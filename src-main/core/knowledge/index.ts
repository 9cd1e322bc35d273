export { chunkArticle, type Chunk } from './chunking';
export { demoHelpCentreDir, demoKnowledgeDir, loadDemoKnowledge } from './demo-knowledge';
export { evaluateKnowledge, readQueries, type KnowledgeEvaluation } from './eval';
export { openKnowledgeIndex, type KnowledgeIndex, type KnowledgeIndexOptions } from './knowledge-index';
export { loadArticlesFromDir } from './sources/directory';
export type { IndexedArticle, IndexResult, KnowledgeArticle, KnowledgeHit, KnowledgeKind, KnowledgeKindOrigin, KnowledgeStats, SearchMode, SearchOptions } from './types';

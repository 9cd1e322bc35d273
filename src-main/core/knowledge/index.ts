export { chunkArticle, type Chunk } from './chunking';
export { demoKnowledgeDir } from './demo-knowledge';
export { evaluateKnowledge, readQueries, type KnowledgeEvaluation } from './eval';
export { openKnowledgeIndex, type KnowledgeIndex, type KnowledgeIndexOptions } from './knowledge-index';
export { loadArticlesFromDir } from './sources/directory';
export type { IndexResult, KnowledgeArticle, KnowledgeHit, KnowledgeStats, SearchMode, SearchOptions } from './types';

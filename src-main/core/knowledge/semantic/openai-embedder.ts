import { OpenAIEmbeddings } from '@langchain/openai';
import { normalize, type Embedder } from './embedder';

export interface EmbeddingEndpoint {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** Embeddings from OpenAI or any compatible server, through LangChain's client. */
export async function openAiEmbedder(endpoint: EmbeddingEndpoint): Promise<Embedder> {
  const client = new OpenAIEmbeddings({
    model: endpoint.model,
    apiKey: endpoint.apiKey ?? 'not-needed',
    configuration: { baseURL: endpoint.baseUrl },
    maxRetries: 2,
  });
  const probe = await client.embedQuery('dimension probe');
  return {
    id: `openai:${endpoint.baseUrl}:${endpoint.model}`,
    dimensions: probe.length,
    embedDocuments: async (texts) => (await client.embedDocuments(texts)).map((vector) => normalize(Float32Array.from(vector))),
    embedQuery: async (text) => normalize(Float32Array.from(await client.embedQuery(text))),
  };
}

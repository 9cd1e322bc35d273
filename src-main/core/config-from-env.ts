import type { CoreConfigInput } from './config';

/**
 * Configuration for the hosts that have no settings window of their own (web host, CLI):
 * environment variables, each optional. With none, the core runs the demo workspace.
 */
export function configFromEnv(env: NodeJS.ProcessEnv, base: Pick<CoreConfigInput, 'dataDir' | 'host'>): CoreConfigInput {
  const config: CoreConfigInput = { ...base };
  if (env.COPILOT_CRM_URL) config.crm = { url: env.COPILOT_CRM_URL, ...(env.COPILOT_CRM_TOKEN ? { token: env.COPILOT_CRM_TOKEN } : {}) };
  if (env.COPILOT_LLM_BASE_URL && env.COPILOT_LLM_MODEL) {
    config.llm = {
      baseUrl: env.COPILOT_LLM_BASE_URL,
      model: env.COPILOT_LLM_MODEL,
      ...(env.COPILOT_LLM_API_KEY ? { apiKey: env.COPILOT_LLM_API_KEY } : {}),
    };
  }
  if (env.COPILOT_EMBEDDINGS_BASE_URL && env.COPILOT_EMBEDDINGS_MODEL) {
    config.embeddings = {
      baseUrl: env.COPILOT_EMBEDDINGS_BASE_URL,
      model: env.COPILOT_EMBEDDINGS_MODEL,
      ...(env.COPILOT_EMBEDDINGS_API_KEY ? { apiKey: env.COPILOT_EMBEDDINGS_API_KEY } : {}),
    };
  }
  if (env.COPILOT_KNOWLEDGE_DIRS) config.knowledgeDirs = env.COPILOT_KNOWLEDGE_DIRS.split(/[;:]/).filter(Boolean);
  if (env.COPILOT_DEBUG_LOG === '1') config.debugLogging = true;
  return config;
}

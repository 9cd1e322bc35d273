export { articleUri, copilotServerInfo, createCopilotMcpServer } from './copilot-mcp-server';
export { startMcpHttpServer, type McpHttpServer, type McpHttpServerOptions } from './http-server';
export { bearerMatches, checkRequest, isLoopbackHost, isLoopbackOrigin } from './loopback-guard';
export { openCopilotMcpSources, type CopilotMcpSources, type OpenedSources } from './sources';

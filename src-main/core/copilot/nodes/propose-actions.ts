import { tool } from '@langchain/core/tools';
import { ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { frameToolResult } from '../../mcp/client/langchain-tools';
import type { NodeDeps } from '../deps';
import { detectFlow, isFaqFlow } from '../abcd-flows';
import { planActions } from '../intent-actions';
import { buildPrompt } from '../prompt';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { toolCatalog } from '../tools/catalog';
import { checkProposedTool, mcpLlmTools, offlineMcpCalls } from '../tools/mcp-tools';
import type { Proposal } from '../types';
import { describeLlmError } from '../llm-errors';

const builtInTools = Object.values(toolCatalog).map((spec) =>
  tool(async () => 'handled by the copilot graph', { name: spec.name, description: spec.description, schema: spec.schema }),
);
/** Model calls per turn: a read-only MCP answer goes back to the model, which may then propose more. */
const maxRounds = 3;

function sameAction(a: Proposal, tool: string, args: Record<string, unknown>): boolean {
  return a.tool === tool && JSON.stringify(a.args) === JSON.stringify(args) && a.status !== 'rejected' && a.status !== 'blocked';
}

interface RawCall {
  id: string;
  tool: string;
  args: unknown;
  why: string;
}

/** What the model is told about each of its calls, so its next round builds on the results. */
function feedback(proposal: Proposal | undefined, redact: (text: string) => string): string {
  if (!proposal) return 'Already proposed earlier in this conversation.';
  if (proposal.status === 'blocked') return `Not allowed: ${proposal.policyReason ?? 'blocked by policy'}`;
  if (proposal.status === 'pending') return 'Proposed to the agent for approval; it has not run.';
  if (proposal.server && proposal.error) return `The tool failed: ${proposal.error}`;
  if (proposal.server) return frameToolResult({ qualifiedName: proposal.tool, serverName: proposal.server }, redact(proposal.result ?? ''));
  return 'Shown to the agent.';
}

/**
 * Actions as tool calls: from the model when one is configured, otherwise from the intent.
 * Every call passes the tool's schema and policy here, whatever the model said. Read-only calls
 * run at once (a read-only MCP tool is called now, its answer handed back to the model as untrusted
 * data); a side effect waits for the agent.
 */
export function proposeActionsNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const turn = state.turnCount;
    const detected = detectFlow(state.intents.at(-1)?.intent ?? 'unknown', state.incoming);
    const customer = state.customer ?? undefined;
    const proposals: Proposal[] = [];
    let llmError: string | null = state.llmError;

    async function consider(call: RawCall): Promise<Proposal | undefined> {
      const checked = checkProposedTool(deps.mcp, call.tool, call.args, customer, state.conversationId);
      const { args, policy, sideEffect } = checked;
      // A side effect is proposed once per conversation; a read-only lookup once per turn (its answer may change).
      const seen = sideEffect ? [...state.proposals, ...proposals] : proposals;
      if (seen.some((existing) => sameAction(existing, checked.tool, args))) return undefined;
      const proposal: Proposal = {
        id: call.id,
        tool: checked.tool,
        ...(checked.server ? { server: checked.server } : {}),
        args,
        policy: policy.allowed ? 'allowed' : 'blocked',
        policyReason: policy.allowed ? (policy.note ?? null) : policy.reason,
        why: call.why,
        sideEffect,
        // Read-only tools run at once; a side effect waits for the agent, or is blocked by policy.
        status: !policy.allowed ? 'blocked' : sideEffect ? 'pending' : 'executed',
        decisionReason: null,
        idempotencyKey: null,
        turn,
        flow: detected?.flow ?? [],
        subflow: detected?.subflow ?? null,
      };
      if (proposal.status === 'executed' && checked.server && deps.mcp) {
        try {
          const output = await deps.mcp.call(checked.tool, args);
          if (output.isError) proposal.error = `${checked.server} answered with an error: ${output.text}`;
          else proposal.result = output.text;
        } catch (error) {
          // A down or hung server costs this one lookup, never the turn.
          proposal.error = error instanceof Error ? error.message.slice(0, 500) : 'The MCP server failed.';
        }
      }
      proposals.push(proposal);
      return proposal;
    }

    let modelProposed = 0;
    if (deps.llm) {
      const redactor = deps.redactorFor(state.conversationId, state.customer);
      const tools = [...builtInTools, ...mcpLlmTools(deps.mcp)];
      const messages: BaseMessage[] = buildPrompt(
        state,
        redactor,
        deps.tokenBudget,
        `Propose the actions that would resolve this case as tool calls (customerId ${state.customer?.id ?? 'unknown'}, conversationId ${state.conversationId}). Read-only tools run at once and their answers come back to you; propose nothing if no action is needed.`,
      );
      try {
        for (let round = 0; round < maxRounds; round += 1) {
          const response = await deps.llm.bindTools(tools).invoke(messages, { tags: ['copilot-actions'] });
          const calls = response.tool_calls ?? [];
          if (calls.length === 0) break;
          const answers: ToolMessage[] = [];
          let looked = false;
          for (const [index, call] of calls.entries()) {
            const id = call.id ?? `call-${turn}-${round}-${index}`;
            // Arguments come back with placeholders: restored in main, before the policy sees them.
            const proposal = await consider({ id, tool: call.name, args: redactor.restoreDeep(call.args), why: 'Proposed by the model' });
            modelProposed += 1;
            if (proposal?.server && proposal.status === 'executed') looked = true;
            answers.push(new ToolMessage({ tool_call_id: id, content: feedback(proposal, redactor.redact) }));
          }
          if (!looked) break;
          messages.push(response, ...answers);
        }
      } catch (error) {
        const problem = describeLlmError(error);
        llmError = `${problem.message} ${problem.hint}`;
      }
    }
    if (modelProposed === 0) {
      const intent = state.intents.at(-1)?.intent ?? 'unknown';
      const orderId = state.entities.find((entity) => entity.type === 'order_id')?.value;
      const amountText = state.entities.find((entity) => entity.type === 'amount')?.value;
      const amount = amountText ? Number(amountText.replace(/[^\d.]/g, '')) : undefined;
      const planned: RawCall[] = [];
      if (detected && isFaqFlow(detected)) {
        planned.push({ id: `rule-${turn}-faq`, tool: 'search_knowledge', args: { query: state.incoming.slice(0, 500) }, why: `A ${detected.subflow} question: answer it from the FAQ.` });
      } else {
        planActions(intent, customer, state.conversationId, { text: state.incoming, ...(orderId ? { orderId } : {}), ...(amount ? { amount } : {}) }).forEach((plan, index) =>
          planned.push({ id: `rule-${turn}-${index}`, tool: plan.tool, args: plan.args, why: plan.why }),
        );
      }
      offlineMcpCalls(deps.mcp, intent, orderId, customer).forEach((plan, index) => planned.push({ id: `rule-${turn}-mcp-${index}`, ...plan }));
      for (const call of planned) await consider(call);
    }
    return { proposals, llmError };
  };
}

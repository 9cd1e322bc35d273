import { tool } from '@langchain/core/tools';
import type { NodeDeps } from '../deps';
import { detectFlow, isFaqFlow } from '../abcd-flows';
import { planActions } from '../intent-actions';
import { buildPrompt } from '../prompt';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { checkTool, toolCatalog } from '../tools/catalog';
import type { Proposal, ToolName } from '../types';

const llmTools = Object.values(toolCatalog).map((spec) =>
  tool(async () => 'handled by the copilot graph', { name: spec.name, description: spec.description, schema: spec.schema }),
);

function sameAction(a: Proposal, tool: ToolName, args: Record<string, unknown>): boolean {
  return a.tool === tool && JSON.stringify(a.args) === JSON.stringify(args) && a.status !== 'rejected' && a.status !== 'blocked';
}

/**
 * Actions as tool calls: from the model when one is configured, otherwise from the intent.
 * Every call passes the tool's policy here, whatever the model said; read-only calls run at once.
 */
export function proposeActionsNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const turn = state.turnCount;
    const raw: { id: string; tool: string; args: unknown; why: string }[] = [];
    const detected = detectFlow(state.intents.at(-1)?.intent ?? 'unknown', state.incoming);
    let llmError: string | null = state.llmError;
    if (deps.llm) {
      const redactor = deps.redactorFor(state.conversationId, state.customer);
      try {
        const response = await deps.llm.bindTools(llmTools).invoke(
          buildPrompt(state, redactor, deps.tokenBudget, `Propose the actions that would resolve this case as tool calls (customerId ${state.customer?.id ?? 'unknown'}, conversationId ${state.conversationId}). Propose nothing if no action is needed.`),
          { tags: ['copilot-actions'] },
        );
        for (const call of response.tool_calls ?? []) {
          // Arguments come back with placeholders: restored in main, before the policy sees them.
          raw.push({ id: call.id ?? `call-${turn}-${raw.length}`, tool: call.name, args: redactor.restoreDeep(call.args), why: 'Proposed by the model' });
        }
      } catch (error) {
        llmError = error instanceof Error ? error.message.slice(0, 300) : 'The LLM failed.';
      }
    }
    if (raw.length === 0) {
      const intent = state.intents.at(-1)?.intent ?? 'unknown';
      const orderId = state.entities.find((entity) => entity.type === 'order_id')?.value;
      const amountText = state.entities.find((entity) => entity.type === 'amount')?.value;
      const amount = amountText ? Number(amountText.replace(/[^\d.]/g, '')) : undefined;
      if (detected && isFaqFlow(detected)) {
        raw.push({ id: `rule-${turn}-faq`, tool: 'search_knowledge', args: { query: state.incoming.slice(0, 500) }, why: `A ${detected.subflow} question: answer it from the FAQ.` });
      } else {
        planActions(intent, state.customer ?? undefined, state.conversationId, { text: state.incoming, ...(orderId ? { orderId } : {}), ...(amount ? { amount } : {}) }).forEach((plan, index) =>
          raw.push({ id: `rule-${turn}-${index}`, tool: plan.tool, args: plan.args, why: plan.why }),
        );
      }
    }
    const proposals: Proposal[] = [];
    for (const call of raw) {
      const { args, policy } = checkTool(call.tool, call.args, state.customer ?? undefined, state.conversationId);
      const name = call.tool as ToolName;
      const spec = toolCatalog[name] as (typeof toolCatalog)[ToolName] | undefined;
      if (spec && [...state.proposals, ...proposals].some((existing) => sameAction(existing, name, args))) continue;
      const sideEffect = spec?.sideEffect ?? true;
      proposals.push({
        id: call.id,
        tool: name,
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
      });
    }
    return { proposals, llmError };
  };
}

import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import { argsHash } from './case/args-hash';
import type { Copilot, TurnResult } from './copilot';
import { argFields } from './tools/arg-fields';
import { isToolName, toolCatalog } from './tools/catalog';

type CopilotHandlers = Pick<Handlers, 'copilot.turn' | 'copilot.decide' | 'copilot.state' | 'copilot.correctCase' | 'copilot.ask'>;

function toView(result: TurnResult) {
  const { text: _text, turn: _turnCount, actions, ...rest } = result;
  // A built-in tool's schema tells the approval card how to edit each argument; argsHash is what a decision sends back.
  return {
    ...rest,
    actions: actions.map(({ idempotencyKey, turn: _turn, caseKey: _case, toolCallId: _call, ...action }) => {
      const withKey = idempotencyKey ? { ...action, outboxKey: idempotencyKey, argsHash: argsHash(action.args) } : { ...action, argsHash: argsHash(action.args) };
      return isToolName(action.tool) ? { ...withKey, fields: argFields(toolCatalog[action.tool].schema) } : withKey;
    }),
  };
}

export function createCopilotHandlers(getCopilot: () => Promise<Copilot>): CopilotHandlers {
  const copilot = async (): Promise<Copilot> => {
    try {
      return await getCopilot();
    } catch (error) {
      throw new CoreError('UNAVAILABLE', 'The copilot could not start.', 'Restart the app; the log in the data folder says what went wrong.', { cause: error });
    }
  };
  return {
    'copilot.turn': async ({ conversationId, text }) => toView(await (await copilot()).handleCustomerMessage(conversationId, text)),
    'copilot.decide': async ({ conversationId, toolCallId, action, args, reason, argsHash: seen }) => {
      const instance = await copilot();
      const before = await instance.state(conversationId);
      if (!before?.actions.some((proposal) => proposal.id === toolCallId)) throw new CoreError('NOT_FOUND', 'That proposal is no longer there.', 'Reopen the conversation to see the current proposals.');
      return toView(await instance.decide(conversationId, { toolCallId, action, ...(args ? { args } : {}), ...(reason ? { reason } : {}), ...(seen ? { argsHash: seen } : {}) }));
    },
    'copilot.ask': async ({ conversationId, question }) => (await copilot()).ask(conversationId, question),
    'copilot.correctCase': async ({ conversationId, field, value }) => toView(await (await copilot()).correctCase(conversationId, { field, value })),
    'copilot.state': async ({ conversationId }) => {
      const state = await (await copilot()).state(conversationId);
      return state ? toView(state) : null;
    },
  };
}

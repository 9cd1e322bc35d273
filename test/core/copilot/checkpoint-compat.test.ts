import { HumanMessage } from '@langchain/core/messages';
import { JsonPlusSerializer } from '@langchain/langgraph-checkpoint';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { FastJsonSerializer, TurnCheckpointer } from '../../../src-main/core/storage/checkpoints/index';
import { copilotRunConfig, createCopilotPorts } from '../../../src-main/core/copilot/index';
import type { NodeDeps } from '../../../src-main/core/copilot/deps';
import { buildCopilotGraph } from '../../../src-main/core/copilot/graph';
import { createChatModel } from '../../../src-main/core/copilot/llm';
import type { CopilotStateType } from '../../../src-main/core/copilot/state';
import type { Redactor } from '../../../src-main/core/language/redaction/redactor';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const rig = useScriptedWorkspace();
const settings = rig.settings;

/** The graph as an older build of the app ran it: the stock SqliteSaver on the copilot's checkpoint file. */
function stockGraph(saver: SqliteSaver) {
  const ports = createCopilotPorts({ db: rig.workspace().db, knowledge: async () => rig.workspace().knowledge });
  const redactors = new Map<string, Redactor>();
  const deps: NodeDeps = {
    ports,
    llm: createChatModel(settings()),
    tokenBudget: 3000,
    now: () => new Date(),
    redactorFor(conversationId) {
      const redactor = redactors.get(conversationId) ?? ports.createRedactor([]);
      redactors.set(conversationId, redactor);
      return redactor;
    },
  };
  return buildCopilotGraph(deps, saver);
}

/** Where the previous version kept the copilot's threads; the copilot moves it into the cache when it starts. */
const checkpointFile = () => join(rig.workspace().dir, 'copilot-checkpoints.db');
const cacheFile = () => join(rig.workspace().dir, 'cache.db');

describe('the copilot checkpointer reads what SqliteSaver wrote', () => {
  it('keeps the history and the pending approval of a conversation begun with SqliteSaver, and acts once', async () => {
    const thread = '8000000005';
    const customerId = rig.workspace().db.conversations.get(thread)?.contactId ?? '';
    const stock = SqliteSaver.fromConnString(checkpointFile());
    const graph = stockGraph(stock);
    await graph.invoke({ conversationId: thread, incoming: 'Hi, my jacket arrived with a broken zipper' }, copilotRunConfig(thread));
    rig.llm().push({ text: 'I will open a ticket.' }, { toolCalls: [{ id: 'call_compat_ticket', name: 'create_ticket', args: { customerId, subject: 'Zipper broken on arrival', content: 'Zipper broke', priority: 'MEDIUM' } }] });
    await graph.invoke({ conversationId: thread, incoming: 'Can you open a ticket for it please?' }, copilotRunConfig(thread));
    const stockState = (await graph.getState(copilotRunConfig(thread))).values as CopilotStateType;
    expect(stockState.proposals.find((proposal) => proposal.id === 'call_compat_ticket')?.status).toBe('pending');
    stock.db.close();

    // Both savers see the same latest tuple, interrupt write included, and the same earlier checkpoint by id.
    const reader = new SqliteSaver(new Database(checkpointFile(), { readonly: true }));
    const ours = new TurnCheckpointer(new Database(checkpointFile()));
    const stockLatest = await reader.getTuple(copilotRunConfig(thread));
    const ourLatest = await ours.getTuple(copilotRunConfig(thread));
    expect(ourLatest?.pendingWrites?.some(([, channel]) => channel === '__interrupt__')).toBe(true);
    expect(ourLatest).toEqual(stockLatest);
    const parent = ourLatest?.parentConfig;
    expect(parent).toBeDefined();
    if (parent) expect(await ours.getTuple(parent)).toEqual(await reader.getTuple(parent));
    reader.db.close();
    ours.db.close();

    // The copilot moves the file into the cache, keeps it as .migrated, and the cache then holds the same tuple.
    const copilot = await rig.workspace().open(settings());
    expect(existsSync(checkpointFile())).toBe(false);
    expect(existsSync(`${checkpointFile()}.migrated`)).toBe(true);
    const imported = new TurnCheckpointer(new Database(cacheFile(), { readonly: true }));
    expect(await imported.getTuple(copilotRunConfig(thread))).toEqual(stockLatest);
    imported.db.close();
    const restored = await copilot.state(thread);
    expect(restored?.timeline).toHaveLength(2);
    expect(restored?.actions.find((action) => action.id === 'call_compat_ticket')?.status).toBe('pending');
    const approved = await copilot.decide(thread, { toolCallId: 'call_compat_ticket', action: 'approve' });
    expect(approved.actions.find((action) => action.id === 'call_compat_ticket')?.status).toBe('executed');
    await copilot.close();

    // After a restart the decision is kept and a repeated approval does nothing.
    const again = await rig.workspace().open(settings());
    const later = await again.decide(thread, { toolCallId: 'call_compat_ticket', action: 'approve' });
    expect(later.actions.find((action) => action.id === 'call_compat_ticket')?.status).toBe('executed');
    const next = await again.handleCustomerMessage(thread, 'thanks, how long will it take?');
    expect(next.timeline).toHaveLength(3);
    await again.close();
    await rig.workspace().deliver();
    const tickets = (await rig.workspace().sideEffects()).filter((effect) => effect.body.properties?.subject === 'Zipper broken on arrival');
    expect(tickets).toHaveLength(1);
  }, 90_000);

  it('writes checkpoints into the cache that SqliteSaver can still read, pending approval included', async () => {
    const thread = '8000000006';
    const customerId = rig.workspace().db.conversations.get(thread)?.contactId ?? '';
    const copilot = await rig.workspace().open(settings());
    rig.llm().push({ text: 'I will open a ticket.' }, { toolCalls: [{ id: 'call_compat_back', name: 'create_ticket', args: { customerId, subject: 'Late parcel', content: 'Parcel late', priority: 'LOW' } }] });
    await copilot.handleCustomerMessage(thread, 'My parcel is two weeks late, please open a ticket');
    await copilot.close();

    expect(existsSync(checkpointFile())).toBe(false);
    const reader = new SqliteSaver(new Database(cacheFile(), { readonly: true }));
    const ours = new TurnCheckpointer(new Database(cacheFile(), { readonly: true }));
    const stockLatest = await reader.getTuple(copilotRunConfig(thread));
    expect(await ours.getTuple(copilotRunConfig(thread))).toEqual(stockLatest);
    const values = stockLatest?.checkpoint.channel_values as Partial<CopilotStateType> | undefined;
    expect(values?.proposals?.find((proposal) => proposal.id === 'call_compat_back')?.status).toBe('pending');
    const listed: string[] = [];
    for await (const tuple of ours.list(copilotRunConfig(thread))) listed.push(tuple.checkpoint.id);
    const stockListed: string[] = [];
    for await (const tuple of reader.list(copilotRunConfig(thread))) stockListed.push(tuple.checkpoint.id);
    expect(listed).toEqual(stockListed);
    expect(listed[0]).toBe(stockLatest?.checkpoint.id);
    reader.db.close();
    ours.db.close();
  }, 60_000);
});

describe('the fast checkpoint serializer', () => {
  const upstream = new JsonPlusSerializer();
  const fast = new FastJsonSerializer();
  const samples: Record<string, unknown> = {
    plain: { turns: [{ role: 'customer', text: 'Où est ma commande ?', at: 3 }], count: 2, nothing: null },
    undefinedValues: { a: undefined, list: [1, undefined, { b: undefined }] },
    lookalike: { text: 'a customer typed {"lc":1,"type":"constructor","id":["x"]} and {"lc":2}' },
    builtins: { set: new Set(['a', 'b']), map: new Map([['k', { v: 1 }]]), pattern: /refund/giu, error: new Error('timed out'), bytes: new Uint8Array([0, 7, 255]) },
    dataShapedLikeRecords: { lc: 2, type: 'constructor', id: ['Function'], method: 'call', args: ['alert(1)'] },
    // What the replacer-free path must tell apart from plain data, or write exactly as the replacer would.
    numbers: { nan: Number.NaN, infinite: -Infinity, negativeZero: -0, big: 1e21, small: 5e-7 },
    sparseArray: { holes: [1, , 3] },
    instances: { when: new Date('2020-01-20T12:00:00Z'), point: new (class Point { x = 1; y = 2 })(), bare: Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' }) },
    ownToJson: { wrapped: { toJSON: () => ({ swapped: true }) } },
    deep: JSON.parse(`${'{"d":'.repeat(80)}1${'}'.repeat(80)}`) as unknown,
    deepWithUndefined: { deep: JSON.parse(`${'['.repeat(70)}1${']'.repeat(70)}`) as unknown, late: [undefined] },
  };

  it.each(Object.keys(samples))('writes the same bytes as JsonPlusSerializer and reads them back the same: %s', async (name) => {
    const value = samples[name];
    const [fastType, fastBytes] = await fast.dumpsTyped(value);
    const [upType, upBytes] = await upstream.dumpsTyped(value);
    expect(fastType).toBe(upType);
    expect(Buffer.from(fastBytes).toString('utf8')).toBe(Buffer.from(upBytes).toString('utf8'));
    expect(await fast.loadsTyped(upType, upBytes)).toEqual(await upstream.loadsTyped(upType, upBytes));
    expect(await fast.loadsTyped(upType, Buffer.from(upBytes).toString('utf8'))).toEqual(await upstream.loadsTyped(upType, upBytes));
  });

  it('revives LangChain messages as upstream does', async () => {
    const [type, bytes] = await upstream.dumpsTyped({ messages: [new HumanMessage('where is my order?')] });
    const loaded = (await fast.loadsTyped(type, bytes)) as { messages: unknown[] };
    expect(loaded.messages[0]).toBeInstanceOf(HumanMessage);
    expect(loaded).toEqual(await upstream.loadsTyped(type, bytes));
  });

  it('falls back to the upstream serializer for a cycle', async () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(await fast.dumpsTyped(cyclic)).toEqual(await upstream.dumpsTyped(cyclic));
  });
});

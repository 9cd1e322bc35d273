import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/core/contract/dispatch';
import { CoreError } from '../../../src-main/core/contract/errors';
import type { Handlers } from '../../../src-main/core/contract/index';
import { spyHandlers } from '../../fixtures/spy-handlers';

function withEcho(echo: Handlers['app.echo']): Handlers {
  const { handlers } = spyHandlers();
  return { ...handlers, 'app.echo': echo };
}

describe('dispatch', () => {
  it('passes the parsed input to the handler and wraps its value', async () => {
    const handlers = withEcho(async ({ text }) => ({ text: text.toUpperCase(), receivedAt: 'now' }));
    await expect(dispatch(handlers, 'app.echo', { text: 'hi' })).resolves.toEqual({
      ok: true,
      value: { text: 'HI', receivedAt: 'now' },
    });
  });

  it('refuses names that are not methods, including inherited object keys', async () => {
    const { handlers, calls } = spyHandlers();
    for (const name of ['toString', '__proto__', 'constructor', 'app', 42, null]) {
      const result = await dispatch(handlers, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(calls).toEqual([]);
  });

  it('turns a CoreError into its code, message and hint', async () => {
    const handlers = withEcho(async () => {
      throw new CoreError('UNAVAILABLE', 'The CRM is not answering.', 'Check the network; your work is kept.');
    });
    await expect(dispatch(handlers, 'app.echo', { text: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The CRM is not answering.', hint: 'Check the network; your work is kept.' },
    });
  });

  it('hides the details of an unexpected failure from the window but logs them', async () => {
    const logged: unknown[] = [];
    const handlers = withEcho(async () => {
      throw new Error('SQLITE_CORRUPT at /home/agent/secret/path');
    });
    const result = await dispatch(handlers, 'app.echo', { text: 'x' }, { error: (message, details) => logged.push({ message, details }) });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(JSON.stringify(logged)).toContain('SQLITE_CORRUPT');
  });
});

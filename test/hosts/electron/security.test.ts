import { describe, expect, it, vi } from 'vitest';
import { desktopContentSecurityPolicy } from '../../../src-main/hosts/electron/content-security-policy';
import { hardenContents, hardenSession, openExternalLink, type HardenableSession } from '../../../src-main/hosts/electron/security';
import { FakeContents, PreventableEvent } from './doubles';

type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];

function fakeSession() {
  const captured: {
    headers?: HeadersListener;
    request?: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (webContents: unknown, permission: string) => boolean;
  } = {};
  const session: HardenableSession = {
    webRequest: { onHeadersReceived: (listener) => void (captured.headers = listener) },
    setPermissionRequestHandler: (handler) => void (captured.request = handler),
    setPermissionCheckHandler: (handler) => void (captured.check = handler),
  };
  hardenSession(session);
  return captured;
}

function policyOf(headers: Record<string, string[] | string> | undefined): Map<string, string[]> {
  const values = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() === 'content-security-policy');
  expect(values).toHaveLength(1);
  const raw = values[0]![1];
  const text = Array.isArray(raw) ? raw.join(';') : raw;
  return new Map(
    text
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
}

describe('session hardening', () => {
  it('puts the strict CSP on every response, replacing whatever the response carried', () => {
    const { headers } = fakeSession();
    const responses: (Record<string, string[]> | undefined)[] = [
      undefined,
      { 'content-type': ['text/html'] },
      { 'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"] },
      { 'content-security-policy': ['script-src *'] },
    ];
    for (const responseHeaders of responses) {
      let result: Record<string, string[] | string> | undefined;
      headers!({ responseHeaders }, (response) => (result = response.responseHeaders));
      const policy = policyOf(result);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      if (responseHeaders && 'content-type' in responseHeaders) expect(result!['content-type']).toEqual(['text/html']);
    }
  });

  it('allows no eval, no inline script and no remote origin anywhere in the policy', () => {
    expect(desktopContentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|ws:|\*/);
  });

  it('denies every permission request and check', () => {
    const { request, check } = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});

describe('window hardening', () => {
  function hardened(confirmAnswer: boolean) {
    const contents = new FakeContents();
    const links = { confirm: vi.fn(async () => confirmAnswer), open: vi.fn(async () => undefined) };
    const onError = vi.fn();
    hardenContents(contents, links, onError);
    return { contents, links, onError };
  }

  it('prevents every navigation, redirect and webview', () => {
    const { contents, links } = hardened(false);
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', undefined],
    ] as const) {
      const event = new PreventableEvent();
      contents.emit(name, event, url);
      expect(event.prevented, name).toBe(true);
    }
    expect(links.open).not.toHaveBeenCalled();
  });

  it('denies window.open, and opens an https link only after the agent confirms', async () => {
    const refusing = hardened(false);
    expect(refusing.contents.windowOpenHandler!({ url: 'https://help.example.com/a' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(refusing.links.confirm).toHaveBeenCalledWith('https://help.example.com/a'));
    expect(refusing.links.open).not.toHaveBeenCalled();

    const accepting = hardened(true);
    expect(accepting.contents.windowOpenHandler!({ url: 'https://help.example.com/a' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(accepting.links.open).toHaveBeenCalledWith('https://help.example.com/a'));
    // A link clicked in the page (navigation) gets the same treatment, and the page stays put.
    const event = new PreventableEvent();
    accepting.contents.emit('will-navigate', event, 'https://help.example.com/b');
    expect(event.prevented).toBe(true);
    await vi.waitFor(() => expect(accepting.links.open).toHaveBeenCalledWith('https://help.example.com/b'));
  });

  it('never offers anything but https to the system', async () => {
    const links = { confirm: vi.fn(async () => true), open: vi.fn(async () => undefined) };
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.com', 'not a url']) {
      expect(await openExternalLink(url, links), url).toBe(false);
    }
    expect(links.confirm).not.toHaveBeenCalled();
    expect(links.open).not.toHaveBeenCalled();
  });
});

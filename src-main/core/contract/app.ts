import { z } from 'zod';
import { method } from './define';

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  workspace: 'demo' | 'configured';
  services: { name: string; state: 'ready' | 'starting' | 'offline' | 'error'; detail?: string }[];
  startedAt: string;
}

export const appMethods = {
  'app.info': method(z.strictObject({})).returns<AppInfo>(),
  'app.echo': method(z.strictObject({ text: z.string().max(10_000) })).returns<{ text: string; receivedAt: string }>(),
};

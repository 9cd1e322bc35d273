import { event } from './define';

export interface ServiceStateEvent {
  name: string;
  state: 'ready' | 'starting' | 'offline' | 'error';
  detail?: string;
}

/**
 * Events main pushes to the renderer. Later capabilities add theirs here
 * (streamed suggestion tokens, sync progress, new messages).
 */
export const events = {
  'app.serviceState': event<ServiceStateEvent>(),
};

/// <reference types="vite/client" />
import type { CopilotBridge } from '@contract/bridge';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** Present only in the Electron shell, exposed by the preload. */
    copilot?: CopilotBridge;
  }
}

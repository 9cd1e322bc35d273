import { defineStore } from 'pinia';
import { nextTick, ref } from 'vue';

const focusTargets = { composer: 'composer-text', knowledge: 'knowledge-query', queueSearch: 'queue-search', queue: 'queue-list', copilotAsk: 'copilot-ask' } as const;

export type View = 'workspace' | 'insights' | 'settings';
export type SideTab = 'copilot' | 'customer' | 'knowledge';
export type Dialog = 'cheatSheet' | 'palette' | undefined;

/** Which view, tab and dialog are showing; focus requests travel through here so keys can move focus across components. */
export const useUiStore = defineStore('ui', () => {
  const view = ref<View>('workspace');
  const tab = ref<SideTab>('copilot');
  const dialog = ref<Dialog>();
  /** A counter per focus target: components watch it and focus themselves. */
  const focusRequests = ref<Record<string, number>>({});

  function requestFocus(target: keyof typeof focusTargets): void {
    focusRequests.value = { ...focusRequests.value, [target]: (focusRequests.value[target] ?? 0) + 1 };
    // Also focus by id once the DOM has caught up (a tab that was hidden must render first).
    const id = focusTargets[target];
    void nextTick(() => {
      const element = typeof document === 'undefined' ? null : document.getElementById(id);
      if (element && document.activeElement !== element) element.focus();
    });
  }

  function openDialog(which: Exclude<Dialog, undefined>): void {
    dialog.value = which;
  }

  /** Escape: the dialog first, then nothing else to close. */
  function closeDialog(): boolean {
    if (!dialog.value) return false;
    dialog.value = undefined;
    return true;
  }

  /** Where focus goes back to when a panel opened from elsewhere (an article from a citation) closes. */
  let focusReturn: { element: HTMLElement; tab: SideTab } | undefined;
  function returnFocusTo(element: HTMLElement | null): void {
    focusReturn = element && element !== document.body ? { element, tab: element.closest('#panel-copilot') ? 'copilot' : tab.value } : undefined;
  }
  function restoreFocus(): void {
    const back = focusReturn;
    focusReturn = undefined;
    if (!back) return;
    tab.value = back.tab;
    void nextTick(() => {
      if (back.element.isConnected) back.element.focus();
    });
  }

  return { view, tab, dialog, focusRequests, requestFocus, openDialog, closeDialog, returnFocusTo, restoreFocus };
});

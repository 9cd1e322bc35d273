/** Every command the agent can run from a key, the palette or the desktop shell's menus. */
export const commandIds = [
  'help.cheatSheet',
  'palette.open',
  'suggestion.acceptTop',
  'suggestion.pick1',
  'suggestion.pick2',
  'suggestion.pick3',
  'composer.send',
  'composer.focus',
  'action.approve',
  'action.reject',
  'queue.next',
  'queue.previous',
  'queue.focusSearch',
  'knowledge.focusSearch',
  'tab.copilot',
  'tab.customer',
  'tab.knowledge',
  'view.workspace',
  'view.insights',
  'view.settings',
  'sync.now',
  'theme.light',
  'theme.dark',
  'theme.system',
  'dialog.close',
  'copilot.ask',
  'copilot.copySummary',
] as const;

export type CommandId = (typeof commandIds)[number];

export interface CommandInfo {
  title: string;
  /** Other words the palette matches the command by. */
  keywords?: string;
  group: 'General' | 'Suggestions' | 'Actions' | 'Navigation' | 'Views';
}

export const commandInfo: Record<CommandId, CommandInfo> = {
  'help.cheatSheet': { title: 'Show keyboard shortcuts', group: 'General' },
  'palette.open': { title: 'Open the command palette', group: 'General' },
  'suggestion.acceptTop': { title: 'Accept the top suggestion into the composer', group: 'Suggestions' },
  'suggestion.pick1': { title: 'Use suggestion 1', group: 'Suggestions' },
  'suggestion.pick2': { title: 'Use suggestion 2', group: 'Suggestions' },
  'suggestion.pick3': { title: 'Use suggestion 3', group: 'Suggestions' },
  'composer.send': { title: 'Send the reply in the composer', group: 'Suggestions' },
  'composer.focus': { title: 'Focus the composer', group: 'Navigation' },
  'action.approve': { title: 'Approve the focused action', group: 'Actions', keywords: 'refund ticket escalate' },
  'action.reject': { title: 'Reject the focused action', group: 'Actions', keywords: 'refund ticket escalate' },
  'queue.next': { title: 'Next conversation', group: 'Navigation' },
  'queue.previous': { title: 'Previous conversation', group: 'Navigation' },
  'queue.focusSearch': { title: 'Search the queue', group: 'Navigation' },
  'knowledge.focusSearch': { title: 'Search knowledge', group: 'Navigation', keywords: 'articles help policy refund returns' },
  'tab.copilot': { title: 'Show the Copilot tab', group: 'Navigation' },
  'tab.customer': { title: 'Show the Customer tab', group: 'Navigation' },
  'tab.knowledge': { title: 'Show the Knowledge tab', group: 'Navigation' },
  'view.workspace': { title: 'Go to the workspace', group: 'Views' },
  'view.insights': { title: 'Go to insights', group: 'Views' },
  'view.settings': { title: 'Go to settings', group: 'Views' },
  'sync.now': { title: 'Sync with the CRM now', group: 'General', keywords: 'refresh update crm hubspot' },
  'theme.light': { title: 'Theme: light', group: 'Views', keywords: 'appearance colours bright' },
  'theme.dark': { title: 'Theme: dark', group: 'Views', keywords: 'appearance colours night' },
  'theme.system': { title: 'Theme: follow the system', group: 'Views', keywords: 'appearance colours auto' },
  'dialog.close': { title: 'Close the dialog or panel', group: 'General' },
  'copilot.ask': { title: 'Ask the copilot a question', group: 'Suggestions' },
  'copilot.copySummary': { title: 'Copy the case summary', group: 'Suggestions' },
};

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (commandIds as readonly string[]).includes(value);
}

/** The defaults; the agent can rebind any of them in Settings. */
export const defaultBindings: Record<CommandId, string | null> = {
  'help.cheatSheet': '?',
  'palette.open': 'Mod+K',
  'suggestion.acceptTop': 'Tab',
  'suggestion.pick1': 'Alt+1',
  'suggestion.pick2': 'Alt+2',
  'suggestion.pick3': 'Alt+3',
  'composer.send': 'Mod+Enter',
  'composer.focus': 'Alt+C',
  'action.approve': 'Mod+Shift+A',
  'action.reject': 'Mod+Shift+R',
  'queue.next': 'Alt+Down',
  'queue.previous': 'Alt+Up',
  'queue.focusSearch': 'Alt+Q',
  'knowledge.focusSearch': 'Mod+/',
  'tab.copilot': 'Alt+J',
  'tab.customer': 'Alt+U',
  'tab.knowledge': 'Alt+K',
  'view.workspace': 'Alt+W',
  'view.insights': 'Alt+I',
  'view.settings': 'Mod+,',
  'sync.now': 'Alt+S',
  'theme.light': null,
  'theme.dark': null,
  'theme.system': null,
  'dialog.close': 'Escape',
  'copilot.ask': 'Alt+O',
  'copilot.copySummary': 'Alt+M',
};

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { displayChord, isMacPlatform } from '../keyboard/chords';
import { commandIds, commandInfo, type CommandId } from '../keyboard/commands';
import { KeyRegistry, type RebindResult } from '../keyboard/registry';
import { readLocal, writeLocal } from '../composables/local-prefs';

const storageKey = 'copilot.bindings';

type Handler = () => void | Promise<void>;

/** The agent's shortcuts: one registry, persisted locally, plus whoever handles each command right now. */
export const useKeyboardStore = defineStore('keyboard', () => {
  const registry = new KeyRegistry(readLocal<Record<string, string | null>>(storageKey, {}));
  // Bumped on every rebinding so computed labels follow the registry, which is not itself reactive.
  const version = ref(0);
  const mac = isMacPlatform();
  const handlers = new Map<CommandId, Handler>();
  const lastRun = ref<CommandId | undefined>();

  const bindings = computed(() => {
    void version.value;
    return commandIds.map((id) => ({ id, ...commandInfo[id], chord: registry.chordFor(id) }));
  });

  function label(command: CommandId): string {
    void version.value;
    const chord = registry.chordFor(command);
    return chord ? displayChord(chord, mac) : '';
  }

  /** "Approve (Ctrl+Shift+A)": the text for a button's title so tooltips always show the current key. */
  function hint(text: string, command: CommandId): string {
    const key = label(command);
    return key ? `${text} (${key})` : text;
  }

  function commandFor(chord: string): CommandId | undefined {
    return registry.commandFor(chord);
  }

  function rebind(command: CommandId, chord: string | null): RebindResult {
    const result = registry.rebind(command, chord);
    if (result.ok) {
      writeLocal(storageKey, registry.overrides());
      version.value++;
    }
    return result;
  }

  function resetAll(): void {
    registry.reset();
    writeLocal(storageKey, {});
    version.value++;
  }

  function handle(command: CommandId, handler: Handler): () => void {
    handlers.set(command, handler);
    return () => {
      if (handlers.get(command) === handler) handlers.delete(command);
    };
  }

  /** Runs a command; false when nothing handles it right now. */
  function run(command: CommandId): boolean {
    const handler = handlers.get(command);
    if (!handler) return false;
    lastRun.value = command;
    void handler();
    return true;
  }

  return { bindings, version, lastRun, label, hint, commandFor, rebind, resetAll, handle, run };
});

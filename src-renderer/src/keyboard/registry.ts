import { normaliseChord } from './chords';
import { commandIds, defaultBindings, isCommandId, type CommandId } from './commands';

export type Bindings = Record<CommandId, string | null>;

export type RebindResult = { ok: true; chord: string | null } | { ok: false; reason: string; conflictWith?: CommandId };

/** Keys that would break typing or the browser if taken by a shortcut. */
const reserved = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Space', 'Enter', 'Shift+Tab', 'Mod+C', 'Mod+V', 'Mod+X', 'Mod+Z', 'Mod+A']);

/**
 * The one keybinding registry: command → chord and back. Rebinding refuses a chord
 * another command already holds, so one key never means two things.
 */
export class KeyRegistry {
  private bindings: Bindings;
  private byChord = new Map<string, CommandId>();

  constructor(overrides: Partial<Record<string, string | null>> = {}) {
    this.bindings = { ...defaultBindings };
    this.reindex();
    for (const [command, chord] of Object.entries(overrides)) {
      if (isCommandId(command) && chord !== undefined) this.rebind(command, chord);
    }
  }

  private reindex(): void {
    this.byChord.clear();
    for (const command of commandIds) {
      const chord = this.bindings[command];
      if (chord) this.byChord.set(chord, command);
    }
  }

  chordFor(command: CommandId): string | null {
    return this.bindings[command];
  }

  commandFor(chord: string): CommandId | undefined {
    return this.byChord.get(chord);
  }

  all(): Bindings {
    return { ...this.bindings };
  }

  /** The agent's changes only, to persist. */
  overrides(): Partial<Bindings> {
    const changed: Partial<Bindings> = {};
    for (const command of commandIds) if (this.bindings[command] !== defaultBindings[command]) changed[command] = this.bindings[command];
    return changed;
  }

  rebind(command: CommandId, text: string | null): RebindResult {
    if (text === null || text.trim() === '') {
      this.bindings[command] = null;
      this.reindex();
      return { ok: true, chord: null };
    }
    const chord = normaliseChord(text);
    if (!chord) return { ok: false, reason: `“${text}” is not a key combination.` };
    if (reserved.has(chord)) return { ok: false, reason: `${chord} is needed for typing or editing; choose a combination with Ctrl/Cmd or Alt.` };
    const holder = this.byChord.get(chord);
    if (holder && holder !== command) return { ok: false, reason: `${chord} is already used by another command.`, conflictWith: holder };
    this.bindings[command] = chord;
    this.reindex();
    return { ok: true, chord };
  }

  reset(): void {
    this.bindings = { ...defaultBindings };
    this.reindex();
  }
}

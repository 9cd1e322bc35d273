import { onBeforeUnmount, onMounted } from 'vue';
import { chordOf } from '../keyboard/chords';
import type { CommandId } from '../keyboard/commands';
import { useKeyboardStore } from '../stores/keyboard';

/** Commands that still fire while the agent types in a field (they need a modifier, or are Escape). */
function firesWhileTyping(chord: string, command: CommandId): boolean {
  if (command === 'dialog.close') return true;
  if (command === 'suggestion.acceptTop' && chord === 'Tab') return false;
  return chord.startsWith('Mod+') || chord.startsWith('Alt+');
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** One keydown listener for the window, dispatching through the keybinding registry. */
export function useShortcuts(): void {
  const keyboard = useKeyboardStore();

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return;
    const chord = chordOf(event);
    const command = keyboard.commandFor(chord);
    if (!command) return;
    // Tab belongs to focus navigation; only the composer (when empty) turns it into "accept".
    if (chord === 'Tab') return;
    if (isTyping(event.target) && !firesWhileTyping(chord, command)) return;
    if (keyboard.run(command)) event.preventDefault();
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}

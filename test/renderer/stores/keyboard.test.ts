import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chordOf, displayChord, normaliseChord } from '@renderer/keyboard/chords';
import { defaultBindings } from '@renderer/keyboard/commands';
import { KeyRegistry } from '@renderer/keyboard/registry';
import { useKeyboardStore } from '@renderer/stores/keyboard';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('chords', () => {
  it('spells every way of writing a chord the same', () => {
    expect(normaliseChord('ctrl+shift+a')).toBe('Mod+Shift+A');
    expect(normaliseChord('Shift+Cmd+a')).toBe('Mod+Shift+A');
    expect(normaliseChord('alt+arrowdown')).toBe('Alt+Down');
    expect(normaliseChord('Ctrl+A+B')).toBeUndefined();
    expect(normaliseChord('Ctrl+')).toBeUndefined();
  });

  it('reads key events by code so Alt+1 stays Alt+1 on layouts where Alt changes the character', () => {
    expect(chordOf({ key: '¡', code: 'Digit1', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false })).toBe('Alt+1');
    expect(chordOf({ key: 'A', code: 'KeyA', altKey: false, ctrlKey: true, metaKey: false, shiftKey: true }, false)).toBe('Mod+Shift+A');
    expect(chordOf({ key: '?', code: 'Slash', altKey: false, ctrlKey: false, metaKey: false, shiftKey: true })).toBe('?');
    expect(chordOf({ key: 'ArrowDown', code: 'ArrowDown', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false })).toBe('Alt+Down');
    // ⌘K on macOS (Mod is Meta there, Ctrl elsewhere: see first-hour/chords-platform.test.ts).
    expect(chordOf({ key: 'k', code: 'KeyK', altKey: false, ctrlKey: false, metaKey: true, shiftKey: false }, true)).toBe('Mod+K');
  });

  it('shows chords the way each platform writes them', () => {
    expect(displayChord('Mod+Shift+A', false)).toBe('Ctrl+Shift+A');
    expect(displayChord('Mod+Shift+A', true)).toBe('⌘⇧A');
    expect(displayChord('Alt+Down', false)).toBe('Alt+↓');
  });
});

describe('key registry', () => {
  it('has no two commands on one chord by default', () => {
    const chords = Object.values(defaultBindings).filter(Boolean);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('refuses a chord another command holds, and keys needed for typing', () => {
    const registry = new KeyRegistry();
    expect(registry.rebind('queue.next', 'Mod+Shift+A')).toMatchObject({ ok: false, conflictWith: 'action.approve' });
    expect(registry.chordFor('queue.next')).toBe('Alt+Down');
    expect(registry.rebind('queue.next', 'J')).toMatchObject({ ok: false });
    expect(registry.rebind('queue.next', 'Mod+V')).toMatchObject({ ok: false });
    expect(registry.rebind('queue.next', 'nonsense+keys+here')).toMatchObject({ ok: false });
    expect(registry.rebind('queue.next', 'alt+n')).toEqual({ ok: true, chord: 'Alt+N' });
    expect(registry.commandFor('Alt+N')).toBe('queue.next');
    expect(registry.commandFor('Alt+Down')).toBeUndefined();
    expect(registry.overrides()).toEqual({ 'queue.next': 'Alt+N' });
    // The freed chord can now be taken by another command.
    expect(registry.rebind('queue.previous', 'Alt+Down')).toEqual({ ok: true, chord: 'Alt+Down' });
  });
});

describe('keyboard store', () => {
  it('persists rebindings, shows them in hints and resets them', () => {
    const keyboard = useKeyboardStore();
    expect(keyboard.hint('Approve', 'action.approve')).toBe('Approve (Ctrl+Shift+A)');
    expect(keyboard.rebind('action.approve', 'Alt+A').ok).toBe(true);
    expect(keyboard.hint('Approve', 'action.approve')).toBe('Approve (Alt+A)');
    expect(keyboard.bindings.find((binding) => binding.id === 'action.approve')?.chord).toBe('Alt+A');

    setActivePinia(createPinia());
    const reopened = useKeyboardStore();
    expect(reopened.commandFor('Alt+A')).toBe('action.approve');
    reopened.resetAll();
    expect(reopened.commandFor('Mod+Shift+A')).toBe('action.approve');
    expect(JSON.parse(localStorage.getItem('copilot.bindings') ?? 'null')).toEqual({});
  });

  it('does not save a refused rebinding', () => {
    const keyboard = useKeyboardStore();
    const result = keyboard.rebind('tab.customer', 'Mod+K');
    expect(result).toMatchObject({ ok: false, conflictWith: 'palette.open' });
    expect(localStorage.getItem('copilot.bindings')).toBeNull();
  });

  it('runs the handler that holds a command, and only while it holds it', () => {
    const keyboard = useKeyboardStore();
    const first = vi.fn();
    const stop = keyboard.handle('sync.now', first);
    expect(keyboard.run('sync.now')).toBe(true);
    expect(first).toHaveBeenCalledOnce();
    stop();
    expect(keyboard.run('sync.now')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { chordOf } from '@renderer/keyboard/chords';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({ key, code: `Key${key.toUpperCase()}`, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('Mod is Meta on macOS and Ctrl elsewhere', () => {
  it('on macOS, ⌘K is Mod+K and Ctrl+K is not', () => {
    expect(chordOf(press('k', { metaKey: true }), true)).toBe('Mod+K');
    expect(chordOf(press('k', { ctrlKey: true }), true)).not.toBe('Mod+K');
  });

  it('on Windows and Linux, Ctrl+K is Mod+K and the Meta key with K is not', () => {
    expect(chordOf(press('k', { ctrlKey: true }), false)).toBe('Mod+K');
    expect(chordOf(press('k', { metaKey: true }), false)).not.toBe('Mod+K');
    expect(chordOf(press('a', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+A');
  });
});

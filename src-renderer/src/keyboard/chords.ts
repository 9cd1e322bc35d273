/**
 * A chord is written "Mod+Shift+A": modifiers in a fixed order, then one key.
 * "Mod" is Cmd on macOS and Ctrl elsewhere, so one binding works on every platform.
 */
export interface ChordEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  code?: string;
}

const modifierOrder = ['Mod', 'Alt', 'Shift'] as const;
type Modifier = (typeof modifierOrder)[number];

const keyAliases: Record<string, string> = {
  arrowdown: 'Down',
  arrowup: 'Up',
  arrowleft: 'Left',
  arrowright: 'Right',
  down: 'Down',
  up: 'Up',
  left: 'Left',
  right: 'Right',
  escape: 'Escape',
  esc: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: 'Space',
  ' ': 'Space',
  '/': '/',
  '?': '?',
};

function normaliseKey(key: string): string {
  const alias = keyAliases[key.toLowerCase()];
  if (alias) return alias;
  return key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1);
}

/** Brings any way of writing a chord ("ctrl+shift+a", "Shift+Mod+A") to its one canonical spelling, or undefined. */
export function normaliseChord(text: string): string | undefined {
  const parts = text
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const modifiers = new Set<Modifier>();
  let key: string | undefined;
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'mod' || lower === 'ctrl' || lower === 'cmd' || lower === 'meta' || lower === 'control') modifiers.add('Mod');
    else if (lower === 'alt' || lower === 'option') modifiers.add('Alt');
    else if (lower === 'shift') modifiers.add('Shift');
    else if (key === undefined) key = normaliseKey(part);
    else return undefined;
  }
  if (!key) return undefined;
  return [...modifierOrder.filter((modifier) => modifiers.has(modifier)), key].join('+');
}

/** Digits and letters come from `code` so Alt+1 still reads as "1" on layouts where Alt changes the character. */
function keyOf(event: ChordEventLike): string {
  const code = event.code ?? '';
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (event.key === '?' ) return '?';
  return normaliseKey(event.key);
}

/**
 * The canonical chord a key event stands for; "?" ignores the Shift it needs on most layouts.
 * Mod is Meta (⌘) on macOS and Ctrl elsewhere, as the menu's CommandOrControl is. The other one is its own
 * modifier ("Ctrl" on macOS, "Meta" elsewhere) that no default binding uses: Ctrl+K on a Mac, or the Windows
 * key with K elsewhere, does not open the palette.
 */
export function chordOf(event: ChordEventLike, mac: boolean = isMacPlatform()): string {
  const key = keyOf(event);
  const parts: string[] = [];
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (other) parts.push(mac ? 'Ctrl' : 'Meta');
  if (mod) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && key !== '?') parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** How a chord reads in a tooltip or a menu on this platform. */
export function displayChord(chord: string, mac: boolean): string {
  return chord
    .split('+')
    .map((part) => {
      if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
      if (part === 'Alt') return mac ? '⌥' : 'Alt';
      if (part === 'Shift') return mac ? '⇧' : 'Shift';
      if (part === 'Down') return '↓';
      if (part === 'Up') return '↑';
      if (part === 'Escape') return 'Esc';
      return part;
    })
    .join(mac ? '' : '+');
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

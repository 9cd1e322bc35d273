import { describe, expect, it } from 'vitest';

/** The theme variables of styles.css, light (`:root`) and dark (`:root[data-theme='dark']`). */
async function themes(): Promise<Record<'light' | 'dark', Record<string, string>>> {
  // Read as a file: Vitest hands CSS imports to tests empty. (A variable specifier keeps Node's types out of the web config.)
  const fsModule = 'node:fs';
  const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as { readFileSync(path: string, encoding: 'utf8'): string };
  const root = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
  const css = readFileSync(`${root}/src-renderer/src/styles.css`, 'utf8');
  const block = (selector: string): Record<string, string> => {
    const start = css.indexOf(selector);
    const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
    return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1]!, match[2]!]));
  };
  return { light: block(':root {'), dark: block(":root[data-theme='dark'] {") };
}

function luminance(hex: string): number {
  const channel = (index: number): number => {
    const value = parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text colour on background, as the stylesheet pairs them. */
const pairs: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'panel'],
  ['fg', 'selected'],
  ['fg', 'banner'],
  ['fg', 'mark'],
  ['muted', 'panel'],
  ['muted', 'bg'],
  ['muted', 'selected'],
  ['accent', 'bg'],
  ['accent', 'panel'],
  ['accent-fg', 'accent'],
  ['warn', 'panel'],
  ['ok', 'panel'],
];

describe('theme contrast', async () => {
  for (const [name, colours] of Object.entries(await themes())) {
    it(`${name}: every text pair reaches WCAG AA (4.5:1)`, () => {
      for (const [text, background] of pairs) {
        expect(colours[text], `${name} --${text}`).toBeDefined();
        expect(colours[background], `${name} --${background}`).toBeDefined();
        const ratio = contrast(colours[text]!, colours[background]!);
        expect(ratio, `${name}: --${text} on --${background} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});

import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import VirtualList from '@renderer/components/common/VirtualList.vue';
import { VirtualLayout } from '@renderer/components/common/virtual-layout';
import { message } from '../support/samples';

describe('a long thread opens at its newest messages', () => {
  // happy-dom lays nothing out: give the list's viewport a height and a scroll height from its spacer, as a browser would.
  const patched = ['clientHeight', 'clientWidth', 'scrollHeight'] as const;
  const originals = new Map<string, PropertyDescriptor | undefined>();
  beforeEach(() => {
    for (const name of patched) originals.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    const spacerHeight = (element: HTMLElement): number => Number.parseFloat((element.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0;
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 700 });
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get(this: HTMLElement) { return spacerHeight(this); } });
  });
  afterEach(() => {
    for (const name of patched) {
      const original = originals.get(name);
      if (original) Object.defineProperty(HTMLElement.prototype, name, original);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });

  it('renders the newest rows in its first render, never the oldest', async () => {
    const items = Array.from({ length: 10_000 }, (_, index) => message(`m${index}`, { text: 'word '.repeat(index % 40) }));
    const guessedWidths: number[] = [];
    const wrapper = mount(VirtualList<ReturnType<typeof message>>, {
      props: {
        items,
        itemKey: (item: { id: string }) => item.id,
        label: 'Messages',
        estimateHeight: (item: { text: string }, width: number) => {
          guessedWidths.push(width);
          return 40 + 16 * Math.ceil(item.text.length / 60);
        },
      },
      slots: { default: ({ item }: { item: { text: string } }) => item.text },
      attachTo: document.body,
    });
    const keys = wrapper.findAll('[role="listitem"]').map((row) => row.attributes('data-key'));
    expect(keys).toContain('m9999');
    expect(keys).not.toContain('m0');
    expect(keys.length).toBeLessThan(100);
    // Every row got its own guess, not one figure for all, and again for the width the list has.
    expect(guessedWidths.length).toBeGreaterThanOrEqual(items.length);
    expect(guessedWidths.at(-1)).toBe(700);
    await flushPromises();
    expect(wrapper.findAll('[role="listitem"]').map((row) => row.attributes('data-key'))).toContain('m9999');
    wrapper.unmount();
  });
});

describe('row height guesses', () => {
  it('uses a guess per row until the row is measured, and guesses again only the unmeasured rows', () => {
    let perLine = 10;
    const texts = ['a', 'bbbbbbbbbbbbbbbbbbbbbbbbb', 'cc', 'dddddddddddddddddddd'];
    const guess = (index: number): number => 20 * Math.ceil((texts[index]?.length ?? 1) / perLine);
    const layout = new VirtualLayout(texts.length, 50, guess);
    expect(layout.total()).toBe(20 + 60 + 20 + 40);
    expect(layout.setHeight(1, 70)).toBe(true);
    expect(layout.isMeasured(1)).toBe(true);
    expect(layout.isMeasured(3)).toBe(false);
    perLine = 5;
    layout.reestimate();
    // Row 1 keeps its measured 70; the others are guessed for the narrower width.
    expect(layout.total()).toBe(20 + 70 + 20 + 80);
    expect(layout.offsetOf(3)).toBe(110);
  });

  it('guesses rows that arrive in front or at the end, and falls back to the fixed estimate for a bad guess', () => {
    const texts = ['xx', 'xxxx'];
    const layout = new VirtualLayout(2, 50, (index) => (texts[index] ? texts[index].length * 10 : Number.NaN));
    expect(layout.total()).toBe(60);
    layout.setHeight(0, 25);
    texts.unshift('x');
    layout.prepend(1);
    expect(layout.offsetOf(1)).toBe(10);
    expect(layout.offsetOf(2)).toBe(35);
    layout.resize(4);
    // Index 3 has no text: the guess is NaN, so the list's fixed estimate stands in.
    expect(layout.total()).toBe(10 + 25 + 40 + 50);
  });
});

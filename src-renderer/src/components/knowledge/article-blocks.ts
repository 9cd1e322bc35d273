/**
 * A help article's Markdown as plain blocks the reader renders with text interpolation only: headings,
 * paragraphs, lists, quotes and code. Nothing becomes HTML: a link shows its words (and its address as
 * text), an image its description, raw HTML its source; so an article can run no script and load nothing.
 */
export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: number; text: string; id: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: { inlines: Inline[]; children: Inline[][] }[] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** "Damaged items" → "damaged-items": how a cited section is found among the headings. */
export function sectionSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// Underscores emphasise only between word boundaries, as in CommonMark: `__init__`-like text stays text.
const inlinePattern = /(\*\*([^*]+)\*\*|(?<![\w])__([^_\s][^_]*)__(?![\w])|`([^`]+)`|!\[([^\]]*)\]\(([^)\s]*)[^)]*\)|\[([^\]]+)\]\(([^)\s]*)[^)]*\)|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w]))/g;

export function inlines(text: string): Inline[] {
  const result: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const at = match.index ?? 0;
    if (at > last) result.push({ kind: 'text', text: text.slice(last, at) });
    if (match[2] ?? match[3]) result.push({ kind: 'strong', text: match[2] ?? match[3] ?? '' });
    else if (match[4] !== undefined) result.push({ kind: 'code', text: match[4] });
    else if (match[1]?.startsWith('![')) result.push({ kind: 'text', text: match[5] ? `[image: ${match[5]}]` : '[image]' });
    else if (match[7] !== undefined) result.push({ kind: 'link', text: match[7], href: match[8] ?? '' });
    else result.push({ kind: 'em', text: match[9] ?? match[10] ?? '' });
    last = at + match[0].length;
  }
  if (last < text.length) result.push({ kind: 'text', text: text.slice(last) });
  return result;
}

export function articleBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const blocks: Block[] = [];
  const used = new Map<string, number>();
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: inlines(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const text = heading[2] ?? '';
      const base = sectionSlug(text) || 'section';
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text, id: count ? `${base}-${count}` : base });
      continue;
    }
    if (/^```/.test(line)) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !/^```/.test(lines[index] ?? ''); index++) code.push(lines[index] ?? '');
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
      continue;
    }
    const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[2] ?? '');
      const list: Extract<Block, { kind: 'list' }> = { kind: 'list', ordered, items: [] };
      const topIndent = item[1]?.length ?? 0;
      for (; index < lines.length; index++) {
        const current = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(lines[index] ?? '');
        if (!current) {
          const continuation = lines[index] ?? '';
          if (/^\s{2,}\S/.test(continuation) && list.items.length) {
            list.items.at(-1)?.inlines.push({ kind: 'text', text: ` ${continuation.trim()}` });
            continue;
          }
          break;
        }
        if ((current[1]?.length ?? 0) > topIndent && list.items.length) list.items.at(-1)?.children.push(inlines(current[3] ?? ''));
        else list.items.push({ inlines: inlines(current[3] ?? ''), children: [] });
      }
      index--;
      blocks.push(list);
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      blocks.push({ kind: 'quote', inlines: inlines(quote[1] ?? '') });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** The heading a citation points at: by its slug, else the first heading that contains the words. */
export function sectionId(blocks: Block[], section: string | undefined): string | undefined {
  if (!section) return undefined;
  const wanted = sectionSlug(section);
  const headings = blocks.filter((block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading');
  return (headings.find((heading) => sectionSlug(heading.text) === wanted) ?? headings.find((heading) => sectionSlug(heading.text).includes(wanted) || wanted.includes(sectionSlug(heading.text))))?.id;
}

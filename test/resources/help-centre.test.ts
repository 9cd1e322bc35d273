import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src-main/core/knowledge/sources/front-matter';

// The demo retailer's customer-facing help centre: drafts quote these articles sentence by sentence,
// so every file must parse, say what it is, and carry none of the agent-facing playbook language.
const root = join(__dirname, '..', '..', 'resources', 'knowledge', 'help-centre');
const languages = ['en', 'es', 'fr', 'de', 'pt'] as const;
const translated = ['es', 'fr', 'de', 'pt'] as const;
const abcdSubflows = new Set(
  Object.keys(
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'resources', 'copilot', 'abcd-kb.json'), 'utf8')) as Record<
      string,
      unknown
    >,
  ),
);
const forbidden = ['the customer', '[', ']', 'oracle', 'survey', 'agent should', 'end conversation', 'pull up account'];
const tiers = ['gold', 'silver', 'bronze', 'guest'] as const;
/** Talk about "the customer" in the third person, in each article's own language. */
const thirdPerson: Record<string, RegExp> = {
  en: /\b(the|a) customer\b/i,
  es: /\b(el|la|al|del) cliente\b/i,
  fr: /\b(le|la|au|du) client(e)?\b/i,
  de: /\b(der|den|dem|des) kunden?\b|\bdie kundin\b/i,
  pt: /\b(o|a|ao|do|da) cliente\b/i,
};

interface Article {
  lang: string;
  slug: string;
  fields: Record<string, string | string[]>;
  body: string;
  headings: string[];
}

function load(lang: string): Article[] {
  return readdirSync(join(root, lang))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { fields, body } = parseFrontMatter(readFileSync(join(root, lang, name), 'utf8'));
      const headings = [...body.matchAll(/^##\s+(.+)$/gm)].map((match) => (match[1] ?? '').trim());
      return { lang, slug: name.slice(0, -3), fields, body, headings };
    });
}

const articles = new Map(languages.map((lang) => [lang, load(lang)]));
const all = [...articles.values()].flat();
const english = new Map((articles.get('en') ?? []).map((article) => [article.slug, article]));

/** The tiers a tier-specific section heading names, e.g. "Gold-Mitglieder" → gold. */
function tiersInHeadings(article: Article): string[] {
  return tiers.filter((tier) => article.headings.some((heading) => new RegExp(`\\b${tier}`, 'i').test(heading)));
}

describe('help centre articles', () => {
  it('has 30 to 40 English articles and at least 12 topics in every other language', () => {
    expect(english.size).toBeGreaterThanOrEqual(30);
    expect(english.size).toBeLessThanOrEqual(40);
    for (const lang of translated) expect(articles.get(lang)?.length ?? 0, lang).toBeGreaterThanOrEqual(12);
  });

  it.each(all.map((article) => [`${article.lang}/${article.slug}`, article] as const))(
    '%s has front matter consistent with its path',
    (_name, article) => {
      expect(article.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(article.fields.id).toBe(`hc-${article.slug}-${article.lang}`);
      expect(article.fields.kind).toBe('help-centre');
      expect(article.fields.lang).toBe(article.lang);
      expect(article.fields.topic).toBe(article.slug);
      expect(typeof article.fields.title).toBe('string');
      expect((article.fields.title as string).length).toBeGreaterThan(5);
      const subflows = article.fields.subflows;
      expect(Array.isArray(subflows) || subflows === undefined).toBe(true);
      expect(subflows, 'subflows: [..] is required, [] when none').toBeDefined();
      for (const subflow of (subflows ?? []) as string[]) expect(abcdSubflows.has(subflow), subflow).toBe(true);
    },
  );

  it.each(all.map((article) => [`${article.lang}/${article.slug}`, article] as const))(
    '%s is written for the customer in ## sections with no internal phrases',
    (_name, article) => {
      expect(article.body.trimStart().startsWith('## ')).toBe(true);
      expect(article.headings.length).toBeGreaterThanOrEqual(2);
      const text = `${String(article.fields.title)}\n${article.body}`.toLowerCase();
      for (const phrase of forbidden) expect(text.includes(phrase), `${phrase} in ${article.slug}`).toBe(false);
      expect(thirdPerson[article.lang]?.exec(text)?.[0], 'third-person talk about the customer').toBeUndefined();
      for (const section of article.body.split(/^##\s+.+$/m).slice(1)) expect(section.trim(), article.slug).not.toBe('');
    },
  );

  it.each(translated.flatMap((lang) => (articles.get(lang) ?? []).map((article) => [`${lang}/${article.slug}`, article] as const)))(
    '%s translates an English article with the same subflows and tier sections',
    (_name, article) => {
      const source = english.get(article.slug);
      expect(source, `no en/${article.slug}.md`).toBeDefined();
      if (!source) return;
      expect(article.fields.subflows).toEqual(source.fields.subflows);
      expect(tiersInHeadings(article)).toEqual(tiersInHeadings(source));
      expect(article.headings.length).toBe(source.headings.length);
      expect(article.fields.title).not.toBe(source.fields.title);
    },
  );

  it('gives every tier a rule wherever an article splits its rule by tier', () => {
    for (const article of all) {
      const named = tiersInHeadings(article);
      if (named.length > 0) expect(named, `${article.lang}/${article.slug}`).toEqual([...tiers]);
    }
  });

  it('covers every ABCD subflow with at least one English article', () => {
    const covered = new Set([...english.values()].flatMap((article) => (article.fields.subflows ?? []) as string[]));
    const missing = [...abcdSubflows].filter((subflow) => !covered.has(subflow));
    expect(missing).toEqual([]);
  });
});

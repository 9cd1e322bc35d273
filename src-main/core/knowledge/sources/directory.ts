import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { kindFromFolders, parseKind } from '../kinds/declared-kind';
import { normalizeLanguage } from '../text/article-language';
import type { KnowledgeArticle } from '../types';
import { parseFrontMatter } from './front-matter';
import { htmlToText } from './html';
import { pdfPages } from './pdf';

const supported = new Set(['.md', '.markdown', '.html', '.htm', '.txt', '.pdf']);

function asString(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asTags(value: string | string[] | undefined): string[] {
  if (Array.isArray(value)) return value;
  return value ? value.split(',').map((tag) => tag.trim()).filter(Boolean) : [];
}

/** An id for files without one: stable across runs, derived from the path inside the folder. */
function idFromPath(root: string, file: string): string {
  const rel = relative(root, file).replace(/\\/g, '/');
  const slug = rel.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || createHash('sha1').update(rel).digest('hex').slice(0, 12);
}

/** The folders from the indexed root down to the file, the root's own name first. */
function foldersOf(root: string, file: string): string[] {
  const rel = relative(root, dirname(file));
  return [basename(root), ...(rel ? rel.split(sep) : [])];
}

/** What the folder says about a file: its kind (`help-centre/`, `playbooks/`) and language (an `es/` folder). */
function folderConventions(root: string, file: string): Pick<KnowledgeArticle, 'kind' | 'language'> {
  const folders = foldersOf(root, file);
  const kind = kindFromFolders(folders);
  const language = [...folders].reverse().find((folder) => /^[a-z]{2}(?:-[A-Za-z]{2})?$/.test(folder));
  const code = normalizeLanguage(language);
  return { ...(kind ? { kind } : {}), ...(code ? { language: code } : {}) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : listFiles(path);
      return supported.has(extname(entry.name).toLowerCase()) ? [path] : [];
    }),
  );
  return nested.flat().sort();
}

export async function loadArticleFile(root: string, file: string, source: string): Promise<KnowledgeArticle> {
  const extension = extname(file).toLowerCase();
  const updatedAt = (await stat(file)).mtime.toISOString();
  const fallbackTitle = basename(file, extension).replace(/[-_]+/g, ' ');
  const byFolder = folderConventions(root, file);
  if (extension === '.pdf') {
    const pages = await pdfPages(new Uint8Array(await readFile(file)));
    return { id: idFromPath(root, file), title: fallbackTitle, body: pages.join('\n\n'), pages, tags: [], updatedAt, source, ...byFolder };
  }
  const raw = await readFile(file, 'utf8');
  if (extension === '.html' || extension === '.htm') {
    const html = htmlToText(raw);
    return {
      id: html.meta.id ?? idFromPath(root, file),
      title: html.title ?? fallbackTitle,
      body: html.text,
      ...(html.meta.url ? { url: html.meta.url } : {}),
      tags: asTags(html.meta.tags),
      updatedAt,
      source,
      ...declared(byFolder, html.meta.kind, html.meta.lang ?? html.meta.language, html.meta.topic, asTags(html.meta.subflows)),
    };
  }
  const { fields, body } = parseFrontMatter(raw);
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const url = asString(fields.url);
  return {
    id: asString(fields.id) ?? idFromPath(root, file),
    title: asString(fields.title) ?? heading ?? fallbackTitle,
    body,
    ...(url ? { url } : {}),
    tags: asTags(fields.tags),
    updatedAt: asString(fields.updated) ?? updatedAt,
    source,
    ...declared(byFolder, asString(fields.kind), asString(fields.lang) ?? asString(fields.language), asString(fields.topic), asTags(fields.subflows)),
  };
}

/** The file's own declarations (front matter, meta tags) win over what its folder says. */
function declared(
  byFolder: Pick<KnowledgeArticle, 'kind' | 'language'>,
  kindField: string | undefined,
  languageField: string | undefined,
  topic: string | undefined,
  subflows: string[],
): Pick<KnowledgeArticle, 'kind' | 'language' | 'topic' | 'subflows'> {
  const kind = parseKind(kindField) ?? byFolder.kind;
  const language = normalizeLanguage(languageField) ?? byFolder.language;
  return { ...(kind ? { kind } : {}), ...(language ? { language } : {}), ...(topic ? { topic } : {}), ...(subflows.length > 0 ? { subflows } : {}) };
}

/** Every Markdown, HTML, text and PDF file under `dir`, as articles of the source named after the folder. */
export async function loadArticlesFromDir(dir: string, source = dir): Promise<KnowledgeArticle[]> {
  const files = await listFiles(dir);
  return Promise.all(files.map((file) => loadArticleFile(dir, file, source)));
}

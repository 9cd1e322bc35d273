import { existsSync, readFileSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { Bm25Index } from '../search/bm25-index';
import { ChunkCatalog, type ArticleInfo, type ChunkInfo } from '../search/chunk-catalog';
import type { KindMarks } from '../kinds/kind-marks';
import type { ArticleEntry } from '../store/metadata';
import { articleInfo, type InMemoryIndex } from './in-memory-index';

/**
 * The in-memory index as one file, so reopening 100k chunks reads a few typed arrays instead of
 * re-analysing every row of the table. It mirrors the table's rows (chunk identity and terms), never
 * the articles' kinds or labels: those come from the store when it is loaded. It is valid for the one
 * table version it was written at; any other version loads from the table, as before, and writes a new one.
 */
const magic = 0x4b425331; // "KBS1"
const format = 2;
/** String lists are joined by NUL: splitting them is several times faster than JSON.parse of an array. */
const separator = '\u0000';

interface Header {
  format: number;
  tableVersion: number;
  /** Byte lengths of the joined string lists: chunk ids, distinct article ids, distinct sections, terms. */
  strings: { chunkIds: number; articleIds: number; sections: number; terms: number };
  lengths: { termOffsets: number; postings: number; docs: number; articles: number; sections: number; terms: number };
}

const joined = (list: string[]): Buffer => Buffer.from(list.join(separator), 'utf8');
const split = (bytes: Buffer, count: number): string[] => (count === 0 ? [] : bytes.toString('utf8').split(separator));

/** The arrays are built at once (the index must not change meanwhile); the file is written without blocking. */
export async function writeFullTextSnapshot(file: string, index: InMemoryIndex, tableVersion: number): Promise<void> {
  const { catalog, fullText } = index;
  const docMap = new Int32Array(catalog.slotCount).fill(-1);
  const chunkIds: string[] = [];
  const articleIds: string[] = [];
  const articleAt = new Map<string, number>();
  const sections: string[] = [];
  const sectionAt = new Map<string, number>();
  const articleOf: number[] = [];
  const sectionOf: number[] = [];
  const pages: number[] = [];
  for (const [slot, chunk] of catalog.live()) {
    docMap[slot] = chunkIds.length;
    chunkIds.push(chunk.id);
    let article = articleAt.get(chunk.article.id);
    if (article === undefined) articleAt.set(chunk.article.id, (article = articleIds.push(chunk.article.id) - 1));
    let section = sectionAt.get(chunk.section);
    if (section === undefined) sectionAt.set(chunk.section, (section = sections.push(chunk.section) - 1));
    articleOf.push(article);
    sectionOf.push(section);
    pages.push(chunk.page);
  }
  const exported = fullText.export(docMap, chunkIds.length);
  const lists = [chunkIds, articleIds, sections, exported.terms];
  // A NUL inside a name would split it in two on reading: no snapshot then, the table serves the next open.
  if (lists.some((list) => list.some((value) => value.includes(separator)))) return;
  const [chunkIdBytes, articleIdBytes, sectionBytes, termBytes] = lists.map(joined) as [Buffer, Buffer, Buffer, Buffer];
  const header: Header = {
    format,
    tableVersion,
    strings: { chunkIds: chunkIdBytes.length, articleIds: articleIdBytes.length, sections: sectionBytes.length, terms: termBytes.length },
    lengths: {
      termOffsets: exported.termOffsets.length,
      postings: exported.postings.length,
      docs: chunkIds.length,
      articles: articleIds.length,
      sections: sections.length,
      terms: exported.terms.length,
    },
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Math.ceil(headerBytes.length / 4) * 4;
  const prefix = Buffer.alloc(8 + padded);
  prefix.writeUInt32LE(magic, 0);
  prefix.writeUInt32LE(padded, 4);
  headerBytes.copy(prefix, 8);
  prefix.fill(0x20, 8 + headerBytes.length);
  const parts = [
    prefix,
    exported.termOffsets,
    exported.postings,
    exported.docLength,
    Uint32Array.from(articleOf),
    Uint32Array.from(sectionOf),
    Uint32Array.from(pages),
    chunkIdBytes,
    articleIdBytes,
    sectionBytes,
    termBytes,
  ];
  // A unique temporary name, fsync, rename: a crash leaves the old snapshot or the new one, and an old
  // one names an older table version, so it is never used for the wrong table.
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    // writeFile writes each part whole, from the current position.
    for (const part of parts) await handle.writeFile(part instanceof Buffer ? part : new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    await handle.sync();
  } catch (error) {
    await handle.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}

export function removeFullTextSnapshot(file: string): void {
  rmSync(file, { force: true });
}

/**
 * The in-memory index from the snapshot, when it was written at `tableVersion` and every chunk's
 * article is still in the store; otherwise undefined (the caller loads from the table).
 */
export function readFullTextSnapshot(file: string, tableVersion: number, entries: Record<string, ArticleEntry>, marks: KindMarks): InMemoryIndex | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const bytes = readFileSync(file);
    if (bytes.readUInt32LE(0) !== magic) return undefined;
    const headerLength = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Header;
    if (header.format !== format || header.tableVersion !== tableVersion) return undefined;
    // Typed arrays need 4-byte alignment: a file's Buffer normally has its own, else it is copied.
    let body: Uint8Array = bytes.subarray(8 + headerLength);
    if (body.byteOffset % 4 !== 0) body = new Uint8Array(body);
    let offset = 0;
    const take = <T extends Uint32Array | Float32Array>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number): T => {
      const array = new make(body.buffer, body.byteOffset + offset, length);
      offset += length * 4;
      return array;
    };
    const { termOffsets: termOffsetCount, postings: postingCount, docs } = header.lengths;
    const termOffsets = take(Uint32Array, termOffsetCount);
    const postings = take(Uint32Array, postingCount);
    const docLength = take(Float32Array, docs);
    const articleOf = take(Uint32Array, docs);
    const sectionOf = take(Uint32Array, docs);
    const pages = take(Uint32Array, docs);
    const text = (length: number): Buffer => {
      const slice = bytes.subarray(8 + headerLength + offset, 8 + headerLength + offset + length);
      offset += length;
      return slice;
    };
    const chunkIds = split(text(header.strings.chunkIds), docs);
    const articleIds = split(text(header.strings.articleIds), header.lengths.articles);
    const sections = split(text(header.strings.sections), header.lengths.sections);
    const terms = split(text(header.strings.terms), header.lengths.terms);
    if (offset !== body.length || chunkIds.length !== docs || articleIds.length !== header.lengths.articles || sections.length !== header.lengths.sections || terms.length !== header.lengths.terms) return undefined;

    const infos: ArticleInfo[] = [];
    for (const id of articleIds) {
      const entry = entries[id];
      // A chunk whose article left the store (a removal cut short): the table decides, not the snapshot.
      if (!entry) return undefined;
      infos.push(articleInfo(id, entry, marks));
    }
    const chunks: ChunkInfo[] = new Array<ChunkInfo>(docs);
    for (let doc = 0; doc < docs; doc += 1) {
      const article = infos[articleOf[doc] ?? 0];
      if (!article) return undefined;
      chunks[doc] = { id: chunkIds[doc] ?? '', article, section: sections[sectionOf[doc] ?? 0] ?? '', page: pages[doc] ?? 0 };
    }
    return { catalog: ChunkCatalog.load(chunks), fullText: Bm25Index.import({ terms, termOffsets, postings, docLength }) };
  } catch {
    return undefined;
  }
}

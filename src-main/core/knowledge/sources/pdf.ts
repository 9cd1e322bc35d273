import { extractText, getDocumentProxy } from 'unpdf';

/** The text of each page, so a hit can cite the page it came from. */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(data);
  const { text } = await extractText(document, { mergePages: false });
  return Array.isArray(text) ? text : [text];
}

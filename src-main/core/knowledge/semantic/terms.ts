import { analyze } from '../text/stemming';

/**
 * Content words of a text, stemmed by the index's one stemmer (Snowball in `language`): the vocabulary
 * of the semantic index. Numbers are left out; they say nothing about what an article is about.
 */
export function terms(text: string, language = 'en'): string[] {
  return analyze(text, language).filter((term) => !/^\d+$/.test(term));
}

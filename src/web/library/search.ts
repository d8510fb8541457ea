import type { LibraryItem } from './items';

/** Scripts written without spaces between words; searched by substring instead of words. */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF]/u;

/** Lower case, compatibility-normalised, without accents on Latin letters. */
function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

/** A word without a plural `s`, so "passwords" and "password" meet. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The words of a text, normalised and stemmed. */
export function tokenise(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

/**
 * A small in-memory search index over library items: every word of the title, summary,
 * extra texts and labels, matched by prefix ("pass" finds "passphrase"). Built in the browser
 * from the cached content index, so it works offline.
 */
export class SearchIndex {
  private readonly words = new Map<string, Set<string>>();
  private readonly texts = new Map<string, string>();

  /** `labels` gives the words a user may type for an item beyond its content (e.g. "game"). */
  constructor(items: readonly LibraryItem[], labels: (item: LibraryItem) => readonly string[]) {
    for (const item of items) {
      const text = [item.title, item.summary, ...item.extra, ...labels(item)].join(' \n ');
      this.texts.set(item.key, normalise(text));
      for (const word of tokenise(text)) {
        let keys = this.words.get(word);
        if (!keys) this.words.set(word, (keys = new Set()));
        keys.add(item.key);
      }
    }
  }

  private matching(token: string): Set<string> {
    const out = new Set<string>();
    for (const [word, keys] of this.words)
      if (word.startsWith(token)) for (const k of keys) out.add(k);
    if (UNSPACED.test(token)) {
      for (const [key, text] of this.texts) if (text.includes(token)) out.add(key);
    }
    return out;
  }

  /** Keys of the items that match every word of `query`; null for an empty query (all). */
  search(query: string): Set<string> | null {
    const tokens = [...new Set(tokenise(query))];
    if (tokens.length === 0) return null;
    let result = this.matching(tokens[0]!);
    for (const token of tokens.slice(1)) {
      if (result.size === 0) break;
      const found = this.matching(token);
      result = new Set([...result].filter((k) => found.has(k)));
    }
    return result;
  }
}

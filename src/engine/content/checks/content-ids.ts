import type { IssueSink } from '../issues';
import type { FoundText } from '../walk';

/** A file's texts with the prefix their ids must start with (null: no rule). */
export interface FileTexts {
  readonly file: string;
  readonly prefix: string | null;
  readonly texts: readonly FoundText[];
}

/**
 * `duplicate-content-id`: a content id names one string in the whole content root. Within one
 * file the same id may repeat with exactly the same text (a chat contact's name in each scene).
 * `content-id-prefix`: ids start with their owner's prefix (an activity's ids with `<id>.`),
 * which keeps them unique across packs and tells a translator where a string lives.
 */
export function checkContentIds(files: readonly FileTexts[], sink: IssueSink): void {
  const first = new Map<string, { file: string; text: string }>();
  for (const { file, prefix, texts } of files) {
    for (const t of texts) {
      const at = `${t.path}.id`;
      const seen = first.get(t.id);
      // The same string may repeat in one file under one id (a chat contact's name in each scene).
      if (seen === undefined) first.set(t.id, { file, text: t.text });
      else if (seen.file !== file)
        sink.add(
          'duplicate-content-id',
          file,
          at,
          `content id "${t.id}" is already used in ${seen.file}`,
        );
      else if (seen.text !== t.text)
        sink.add(
          'duplicate-content-id',
          file,
          at,
          `content id "${t.id}" is already used for a different text`,
        );
      if (prefix !== null && !t.id.startsWith(prefix)) {
        sink.add('content-id-prefix', file, at, `content id "${t.id}" must start with "${prefix}"`);
      }
    }
  }
}

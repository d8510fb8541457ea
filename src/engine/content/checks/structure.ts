import type { CountryCode } from '../../ids';
import type { ParsedFile } from '../files';
import type { IssueSink } from '../issues';
import type { Loaded } from '../load';
import { collectMedia } from '../walk';

/** `missing-file`: topics.json, countries/intl.json and each pack's pack.json exist. */
export function checkRequiredFiles(
  parsed: readonly ParsedFile[],
  display: (rel: string) => string,
  sink: IssueSink,
): void {
  const has = (rel: string) => parsed.some((p) => p.rel === rel);
  if (!has('topics.json'))
    sink.add('missing-file', display('topics.json'), '', 'the topic list is missing');
  if (!has('countries/intl.json'))
    sink.add(
      'missing-file',
      display('countries/intl.json'),
      '',
      'the default country pack "intl" is missing',
    );
  const folders = new Set(parsed.flatMap((p) => ('pack' in p.kind ? [p.kind.pack] : [])));
  for (const folder of folders) {
    if (!has(`packs/${folder}/pack.json`))
      sink.add(
        'missing-file',
        display(`packs/${folder}/pack.json`),
        '',
        `pack "${folder}" has no pack.json`,
      );
  }
}

/** `unknown-ref` for guide and challenge topics; `duplicate-id` for two guides of one topic and band. */
export function checkGuidesAndChallenges(loaded: Loaded, sink: IssueSink): void {
  const byTopicBand = new Map<string, string>();
  for (const g of loaded.guides.values()) {
    const file = loaded.sources.get(`guide:${g.id}`)?.file ?? '';
    if (!loaded.topics.has(g.topic))
      sink.add('unknown-ref', file, 'topic', `topic "${g.topic}" does not exist in topics.json`);
    const key = `${g.topic} ${g.band}`;
    const other = byTopicBand.get(key);
    if (other !== undefined)
      sink.add('duplicate-id', file, 'band', `a guide for ${key} already exists in ${other}`);
    else byTopicBand.set(key, file);
  }
  for (const c of loaded.challenges.values()) {
    const file = loaded.sources.get(`challenge:${c.id}`)?.file ?? '';
    if (!loaded.topics.has(c.topic))
      sink.add('unknown-ref', file, 'topic', `topic "${c.topic}" does not exist in topics.json`);
  }
}

/**
 * `missing-media`: every media `src` exists: `media/…` in the file's own pack, `art/…` in the
 * content root's shared art.
 */
export function checkMedia(
  parsed: readonly ParsedFile[],
  media: ReadonlySet<string>,
  sink: IssueSink,
): void {
  for (const p of parsed) {
    if (!('pack' in p.kind)) continue;
    const pack = p.kind.pack;
    for (const m of collectMedia(p.json)) {
      const shared = m.src.startsWith('art/');
      const where = shared ? m.src : `packs/${pack}/${m.src}`;
      if (!media.has(where))
        sink.add(
          'missing-media',
          p.file,
          m.path,
          `file "${m.src}" does not exist in ${shared ? 'the content root' : `packs/${pack}/`}`,
        );
    }
  }
}

/** The default country pack, if it loaded. */
export function intlPack(loaded: Loaded) {
  return loaded.countries.get('intl' as CountryCode);
}

// The words of the most-missed table's questions: its columns are `<topic>/<item id>`, and the
// item banks' words come with the content, one file per language and band
// (`/content/<lang>/measurement/<band>.json`, ~10 KB compressed each). Read only when the
// coordinator asks for them, so the dashboard itself stays light on a cheap phone.

import { BANDS } from '../../engine';
import { getJson } from '../content/client';
import type { MeasureBundle } from '../content/types';

/** Each question's words by its column (`<topic>/<item id>`), from the bundles read. */
export function promptsOf(bundles: readonly (MeasureBundle | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const bundle of bundles)
    for (const bank of bundle?.banks ?? [])
      for (const item of bank.items) {
        const column = `${bank.topic}/${item.id}`;
        if (!out.has(column)) out.set(column, item.prompt.text);
      }
  return out;
}

const bundlesOf = (lang: string) =>
  Promise.all(
    BANDS.map((band) =>
      getJson<MeasureBundle>(`/content/${lang}/measurement/${band}.json`).catch(() => null),
    ),
  );

/**
 * The words of `columns` in `lang` where its banks are translated, else in English (a bank is
 * in a language's bundle only when wholly translated). A column with no words stays out.
 */
export async function itemPrompts(
  lang: string,
  columns: readonly string[],
): Promise<Map<string, string>> {
  const found = promptsOf(await bundlesOf(lang));
  if (lang !== 'en' && columns.some((c) => !found.has(c)))
    for (const [column, text] of promptsOf(await bundlesOf('en')))
      if (!found.has(column)) found.set(column, text);
  return new Map(columns.flatMap((c) => (found.has(c) ? [[c, found.get(c)!] as const] : [])));
}

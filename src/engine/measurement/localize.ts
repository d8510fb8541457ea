import type { ContentId, LocaleCode } from '../ids';
import { translatorFor } from '../i18n/status';
import type { Translate } from '../text/render';
import type { Catalogue } from '../types/catalogue';
import type { MeasureBank, MeasureItem } from '../types/measurement';
import type { Band, Text } from '../types/text';

const isText = (v: Record<string, unknown>): boolean =>
  typeof v.id === 'string' && typeof v.text === 'string';

/** Every text of an item (prompt, answers, bins, cards, pictures' alt texts), in file order. */
export function itemTexts(item: MeasureItem): Text[] {
  const out: Text[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      if (isText(obj)) out.push(obj as unknown as Text);
      for (const x of Object.values(obj)) walk(x);
    }
  };
  walk(item);
  return out;
}

/** The content ids of the texts a child of `band` may meet in a bank's checks. */
export function bankTextIds(bank: MeasureBank, band: Band): ContentId[] {
  return bank.items
    .filter((i) => i.bands.includes(band))
    .flatMap((i) => itemTexts(i).map((t) => t.id));
}

/** A copy of `value` with every `{ id, text }` put through `translate`; the rest as it was. */
function translated<T>(value: T, translate: Translate): T {
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go);
    if (v === null || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) out[k] = go(x);
    if (isText(obj)) out.text = translate(obj as unknown as Text);
    return out;
  };
  return go(value) as T;
}

/**
 * A topic's bank as a child reading `lang` meets it: every text in that language where its
 * translation was made from the current English (any status), otherwise the English, exactly
 * as activities are shown (`translatorFor`); ids, keys and pictures unchanged. With `band`,
 * only that band's items. Null when the catalogue has no bank of that id.
 */
export function localizedBank(
  catalogue: Catalogue,
  bankId: string,
  lang: LocaleCode,
  band?: Band,
): MeasureBank | null {
  const bank = catalogue.measurement?.get(bankId);
  if (bank === undefined) return null;
  const items = band === undefined ? bank.items : bank.items.filter((i) => i.bands.includes(band));
  return translated({ ...bank, items }, translatorFor(catalogue, lang));
}

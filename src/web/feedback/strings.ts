import en from '../../../content/ui/feedback/en.json';
import { language } from '../i18n/i18n';

/**
 * The feedback question's strings (content/ui/feedback/<lang>.json). They load with the Play
 * page, never with the first screen. A language without its own file shows English.
 */
export type FeedbackKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

const LOADERS: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

let current: Strings = en;

/** Loads the strings of the app's current language (English when it has none). */
export async function loadFeedbackStrings(): Promise<void> {
  const load = LOADERS[language()];
  current = load ? await load() : en;
}

/** The feedback string for `key`. */
export function ft(key: FeedbackKey): string {
  return current[key] ?? en[key];
}

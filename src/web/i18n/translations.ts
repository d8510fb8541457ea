import { indexTranslations } from './messages';

/**
 * The UI translations this build has: every content/ui/<lang>.json and
 * content/ui/<area>/<lang>.json but English (`@kite-ui` is the content root's `ui/` folder,
 * set in vite.config.ts). Each is its own small file, fetched only when its language and area
 * are used. The quick checks' (`measure`) are listed by their own lazily loaded code
 * (src/web/measure/strings.ts), not by every device's first screen.
 */
export const TRANSLATIONS = indexTranslations(
  import.meta.glob(
    ['@kite-ui/*.json', '@kite-ui/*/*.json', '!@kite-ui/**/en.json', '!@kite-ui/measure/*.json'],
    { import: 'default' },
  ),
);

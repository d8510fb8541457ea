import { BANDS } from '../../engine';
import { UI_LANGUAGES, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { langLabel } from '../library/labels';

/** The age bands as radio choices ("8 to 10"). */
export const bandOptions = () =>
  BANDS.map((b) => ({ value: b, label: t(`first.band.${b}` as UiKey) }));

/** The app's languages as radio choices. */
export const langOptions = () => UI_LANGUAGES.map((l) => ({ value: l, label: langLabel(l) }));

export const bandLabel = (band: string) => t(`first.band.${band}` as UiKey);

import type { Band, PlayContext } from '../../engine';
import { language } from '../i18n/i18n';
import { clientConfig, country } from './client';
import type { ClientConfig, RenderedCountry } from './types';
import type { DeploymentHelpline, Helpline } from '../../engine';

/** What this deployment sets for the app: its settings and its country pack in a language. */
export interface Deployment {
  readonly config: ClientConfig;
  /** The deployment's country pack (the international one when it has none in `lang`). */
  readonly pack: RenderedCountry;
  /** The international pack, for placeholders the country pack leaves out. */
  readonly fallback: RenderedCountry;
}

/**
 * The one reader of `/api/client-config` and the country packs (the service worker keeps both,
 * and the requests are shared per page load, so every page may call it).
 */
export async function loadDeployment(lang: string): Promise<Deployment> {
  const config = await clientConfig();
  const [pack, fallback] = await Promise.all([
    country(lang, config.country).catch(() => country(lang, 'intl')),
    country(lang, 'intl'),
  ]);
  const added = (config.helplines ?? []).map(asHelpline);
  return {
    config,
    pack: added.length ? { ...pack, helplines: [...added, ...pack.helplines] } : pack,
    fallback,
  };
}

/**
 * A helpline a coordinator added, as the country pack's entries are: confirmed (writing it was
 * the check, on `checkedOn`), its texts as written, and for adults only when so marked (the
 * engine's `helplinesFor` then never lists it for a child).
 */
function asHelpline(h: DeploymentHelpline): Helpline {
  const text = (field: string, value: string) => ({
    id: `deployment.helpline.${h.id}.${field}` as Helpline['name']['id'],
    text: value,
  });
  return {
    id: `deployment-${h.id}`,
    kind: h.kind,
    name: text('name', h.name),
    ...(h.description ? { description: text('description', h.description) } : {}),
    ...(h.hours ? { hours: text('hours', h.hours) } : {}),
    ...(h.phone ? { phone: h.phone } : {}),
    ...(h.url ? { url: h.url } : {}),
    ...(h.chat ? { chat: h.chat } : {}),
    status: 'verified',
    source: h.url ?? h.chat ?? '',
    verifiedOn: h.checkedOn,
    ...(h.audience === 'adults' ? { adultsOnly: true } : {}),
  };
}

/**
 * Who is playing, for the engine's access rules (`canPlay`, `refusal`): a child's band on this
 * device, the deployment's switched-off topics and the language the activity is shown in (the
 * app's, by default). No adult-started session exists yet.
 */
export const playContext = (
  band: Band,
  config: ClientConfig,
  lang: string = language(),
): PlayContext => ({
  band,
  adultSession: false,
  disabledTopics: config.disabledTopics,
  lang,
});

/** A class playing an activity of `band` with its teacher, no child profile (class mode). */
export const classContext = (band: Band, config: ClientConfig): PlayContext => ({
  ...playContext(band, config),
  classroom: true,
});

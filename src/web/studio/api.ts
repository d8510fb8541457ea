import { request } from './request';

/** The studio's API (src/server/routes/studio) as the page calls it; errors are `ApiError`s. */
export type TextState = 'missing' | 'stale' | 'recorded';

export interface OverviewRow {
  readonly pack: string;
  readonly band: string;
  readonly total: number;
  readonly recorded: number;
  readonly stale: number;
  readonly missing: number;
  readonly untranslated: number;
}

export interface Overview {
  readonly writable: boolean;
  readonly lang: string;
  readonly languages: readonly string[];
  readonly rows: readonly OverviewRow[];
}

export interface StudioText {
  readonly id: string;
  readonly text: string;
  readonly hash: string;
  readonly state: TextState;
  readonly by?: 'voice' | 'person';
}

export interface Texts {
  readonly writable: boolean;
  readonly untranslated: number;
  readonly texts: readonly StudioText[];
}

export interface Place {
  readonly pack: string;
  readonly band: string;
  readonly lang: string;
}

const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

export const studioApi = {
  overview: (lang: string) => request<Overview>('GET', `/api/studio/overview?${q({ lang })}`),
  texts: (p: Place) => request<Texts>('GET', `/api/studio/texts?${q({ ...p })}`),
  consent: (pack: string, lang: string) =>
    request<{ speaker: string; given: string; licence: string }>('POST', '/api/studio/consent', {
      pack,
      lang,
      agree: true,
    }),
  save: (p: Place, id: string, speaker: string, type: string, audio: string) =>
    request<{ id: string; state: TextState; hash: string; bytes: number }>(
      'POST',
      '/api/studio/recordings',
      { ...p, id, speaker, type, audio },
    ),
};

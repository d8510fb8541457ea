/**
 * The national release routes (`/api/nation/releases…`, docs/national.md) as the browser calls
 * them: JSON with the account session cookie and the CSRF header (the account pages' `request`).
 */
import type { PublishedTable, ReleaseArea, TableKind } from '../../engine';
import { request } from '../account/api';

/** A release as the list names it: its term, its dates, when and by whom it was built. */
export interface ReleaseSummary {
  readonly term: string;
  /** The term's first and last day, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly builtAt: string;
  /** The name of the account that built it; null when built from the command line or since deleted. */
  readonly builtBy: string | null;
  readonly tables: readonly {
    readonly id: string;
    readonly kind: TableKind;
    readonly columns: readonly string[];
  }[];
}

/** One release: its areas (names as they were when it was built) and every table. */
export interface Release {
  readonly term: string;
  readonly from: string;
  readonly to: string;
  readonly builtAt: string;
  readonly builtBy: string | null;
  readonly areas: readonly ReleaseArea[];
  readonly tables: readonly PublishedTable[];
}

/** What building a term's release takes. */
export interface BuildRequest {
  readonly term: string;
  readonly from: string;
  readonly to: string;
}

const path = (s: string) => encodeURIComponent(s);

/** The address of one table's CSV in a language: the file the page's link downloads. */
export const csvUrl = (term: string, table: string, lang: string): string =>
  `/api/nation/releases/${path(term)}/csv?${new URLSearchParams({ table, lang })}`;

/** The calls of the national pages. */
export const nationApi = {
  releases: () =>
    request<{ releases: ReleaseSummary[] }>('GET', '/api/nation/releases').then((r) => r.releases),
  build: (body: BuildRequest) =>
    request<{ release: ReleaseSummary }>('POST', '/api/nation/releases', body).then(
      (r) => r.release,
    ),
  release: (term: string) => request<Release>('GET', `/api/nation/releases/${path(term)}`),
};

import type { Catalogue, CountryCode, PackId } from '../../engine';
import { formatIssue } from '../../engine/content';
import { loadCatalogue } from '../../content/catalogue';

/** The content cannot be served: its message is one line, for the startup error. */
export class ContentLoadError extends Error {
  override readonly name = 'ContentLoadError';
}

/**
 * Loads and checks the content root the server serves from (once, at start), with only the
 * packs the deployment serves. Refuses content with errors, a pack that is not there, and a
 * country without its pack, naming the first problem in one line.
 */
export async function loadServerContent(
  dir: string,
  country: string,
  packs: readonly string[],
): Promise<Catalogue> {
  let result: Awaited<ReturnType<typeof loadCatalogue>>;
  try {
    result = await loadCatalogue(dir, { packs });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(e);
    throw new ContentLoadError(`Cannot read the content in ${dir}: ${why}`);
  }
  const { catalogue, errors } = result;
  const first = errors[0];
  if (first) {
    throw new ContentLoadError(
      `The content in ${dir} has ${errors.length} error(s); the first: ${formatIssue(first)} ` +
        `(npm run content:check -- --dir ${dir} lists them all)`,
    );
  }
  const missing = packs.find((p) => !catalogue.packs.has(p as PackId));
  if (missing !== undefined) {
    throw new ContentLoadError(
      `KITE_PACKS names "${missing}" but ${dir}/packs/ has no ${missing}/pack.json`,
    );
  }
  if (!catalogue.countries.has(country as CountryCode)) {
    throw new ContentLoadError(
      `KITE_COUNTRY is "${country}" but ${dir}/countries/ has no ${country}.json`,
    );
  }
  return catalogue;
}

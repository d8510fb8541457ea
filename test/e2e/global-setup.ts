// Builds the production web app once before the end-to-end suite (skipped when up to date),
// with the sample pack, whose activities the suite plays (a default deployment serves core only).
// @ts-expect-error: a plain .mjs script without type declarations
import { buildWebIfStale } from '../../scripts/web-build.mjs';

export const E2E_PACKS = 'core,sample';

export default async function setup(): Promise<void> {
  await (buildWebIfStale as (o: { quiet: boolean; packs: string }) => Promise<boolean>)({
    quiet: true,
    packs: E2E_PACKS,
  });
}

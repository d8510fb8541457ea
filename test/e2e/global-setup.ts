// Builds the production web app once before the end-to-end suite (skipped when up to date).
// @ts-expect-error: a plain .mjs script without type declarations
import { buildWebIfStale } from '../../scripts/web-build.mjs';

export default async function setup(): Promise<void> {
  await (buildWebIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
}

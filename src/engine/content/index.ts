// Content tooling: schemas (zod), the loader's pure core and every check. For the server, the
// CLI and tests; the app shell imports `src/engine` instead and never loads zod.

export type { ContentFile } from './files';
export type { BuildOptions, BuildResult } from './build';
export { buildCatalogue } from './build';
export type { CheckName, ContentIssue, WarningName } from './issues';
export { CHECKS, WARNINGS, formatIssue, isWarning } from './issues';
export { classifyPath } from './layout';
export { collectTexts, walkObjects } from './walk';
export { missingPictures } from './checks/pictures';
export type { FileKind } from './layout';
export * from './schema/index';

import { DEFAULT_TARGET, translatorFor } from '../../engine';
import type { IndustryFramework, LocaleCode } from '../../engine';
import { HttpError, excerpt } from '../http/errors';
import type { IndustryContext } from './context';

/** A framework version as the list shows it. */
export interface FrameworkSummary {
  readonly key: string;
  readonly id: string;
  readonly version: number;
  readonly title: string;
}

/** The framework version `key` (`<id>@v<version>`), or 404 `unknown_framework`. */
export function frameworkOf(ctx: IndustryContext, key: string): IndustryFramework {
  const f = ctx.catalogue.industry?.get(key);
  if (!f) throw new HttpError(404, 'unknown_framework', `No framework "${excerpt(key)}"`);
  return f;
}

export function listFrameworks(ctx: IndustryContext): FrameworkSummary[] {
  return [...(ctx.catalogue.industry ?? new Map<string, IndustryFramework>())].map(([key, f]) => ({
    key,
    id: f.id,
    version: f.version,
    title: f.title?.text ?? f.id,
  }));
}

/** A framework with every text in `lang` where translated (English otherwise). */
export function resolvedFramework(ctx: IndustryContext, key: string, lang: string) {
  const f = frameworkOf(ctx, key);
  const t = translatorFor(ctx.catalogue, lang as LocaleCode);
  return {
    key,
    id: f.id,
    version: f.version,
    title: f.title ? t(f.title) : f.id,
    sections: f.sections.map((s) => ({ id: s.id, title: t(s.title), weight: s.weight })),
    questions: f.questions.map((q) => ({
      id: q.id,
      section: q.section,
      text: t(q.text),
      guidance: t(q.guidance),
      weight: q.weight as number,
      critical: q.critical,
      evidence: q.evidence,
      appliesIf: q.appliesIf ? [...q.appliesIf] : null,
      mappings: [...q.mappings],
      target: (q.target ?? DEFAULT_TARGET) as number,
      recommendation: {
        text: t(q.recommendation.text),
        resources: [...q.recommendation.resources],
      },
    })),
  };
}

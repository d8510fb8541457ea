import type { IndustryFramework, ServiceFeature, Text } from '../../engine';
import type { Framework, FrameworkQuestion } from './api';

/**
 * The engine scores frameworks whose texts are `{ id, text }`; the pages get them with the texts
 * already in their language. These turn one into the other: the engine only reads ids and
 * weights, so the texts' ids matter to nobody here.
 */
const text = (value: string) => ({ id: '' as Text['id'], text: value });

/** The framework as the engine takes it, from the page's resolved framework. */
export function engineFramework(f: Framework): IndustryFramework {
  return {
    id: f.id,
    version: f.version,
    sections: f.sections.map((s) => ({ id: s.id, title: text(s.title), weight: s.weight })),
    questions: f.questions.map((q) => ({
      id: q.id,
      section: q.section,
      text: text(q.text),
      guidance: text(q.guidance),
      weight: q.weight,
      critical: q.critical,
      evidence: q.evidence,
      ...(q.appliesIf ? { appliesIf: q.appliesIf } : {}),
      mappings: q.mappings,
      ...(q.target !== undefined && q.target !== null ? { target: q.target } : {}),
      recommendation: { text: text(q.recommendation.text), resources: q.recommendation.resources },
    })),
  };
}

/**
 * A framework as the content bundle holds it (its texts already in the page's language) in the
 * shape the pages show (practice mode).
 */
export function resolvedFramework(f: IndustryFramework, key: string): Framework {
  return {
    key,
    id: f.id,
    version: f.version,
    title: f.title?.text ?? f.id,
    sections: f.sections.map((s) => ({ id: s.id, title: s.title.text, weight: s.weight })),
    questions: f.questions.map((q): FrameworkQuestion => ({
      id: q.id,
      section: q.section,
      text: q.text.text,
      guidance: q.guidance.text,
      weight: q.weight,
      critical: q.critical,
      evidence: q.evidence,
      appliesIf: q.appliesIf ?? null,
      mappings: q.mappings,
      target: q.target ?? null,
      recommendation: {
        text: q.recommendation.text.text,
        resources: q.recommendation.resources,
      },
    })),
  };
}

/** Whether a question is asked of a service with `features` (the engine's rule, IND-02). */
export const asked = (q: FrameworkQuestion, features: readonly ServiceFeature[]): boolean =>
  !q.appliesIf || q.appliesIf.some((f) => features.includes(f));

/** The question's text by id (a gap or a comment names its question). */
export const questionText = (f: Framework, id: string): string =>
  f.questions.find((q) => q.id === id)?.text ?? id;

export const sectionTitle = (f: Framework, id: string): string =>
  f.sections.find((s) => s.id === id)?.title ?? id;

import type { IndustryFramework, IndustryQuestion, ServiceProfile } from './types';

/** Whether `q` is asked of a service with `profile` (IND-02): no `appliesIf`, or a feature of it. */
export const appliesTo = (q: IndustryQuestion, profile: ServiceProfile): boolean =>
  q.appliesIf === undefined || q.appliesIf.some((f) => profile.features.includes(f));

/** The questions of `framework` asked of a service with `profile`, in the framework's order. */
export const applicableQuestions = (
  framework: IndustryFramework,
  profile: ServiceProfile,
): IndustryQuestion[] => framework.questions.filter((q) => appliesTo(q, profile));

/** The questions that serve a regime or principle (IND-22), e.g. every `vp:` or `itu:2` one. */
export const questionsMappedTo = (
  framework: IndustryFramework,
  prefix: string,
): IndustryQuestion[] =>
  framework.questions.filter((q) =>
    q.mappings.some((m) => m === prefix || m.startsWith(`${prefix}:`)),
  );

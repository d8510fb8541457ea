import type { Assessment } from './api';
import type { FormAnswer } from './question-card';

/** The saved answers as the form holds them. */
export const formAnswers = (a: Assessment): Record<string, FormAnswer> =>
  Object.fromEntries(
    Object.entries(a.answers).map(([q, s]) => [
      q,
      {
        level: s.level === 'na' ? null : s.level,
        reason: s.reason,
        narrative: s.narrative,
        confidentiality: s.confidentiality,
      },
    ]),
  );

/** The profile the assessment asks by: the service's features when it began. */
export const featuresOf = (a: Assessment) => a.profile;

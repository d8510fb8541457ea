// A small industry self-assessment framework for the engine's tests of scoring and submission.
import type { ContentId } from '../ids';
import type { IndustryFramework, IndustryQuestion } from '../industry/types';

const text = (id: string, value: string) => ({
  id: `industry.test.${id}` as ContentId,
  text: value,
});

const q = (
  id: string,
  section: string,
  weight: 1 | 2 | 3,
  more: Partial<IndustryQuestion> = {},
): IndustryQuestion => ({
  id,
  section,
  text: text(`${id}.text`, `Question ${id}?`),
  guidance: text(`${id}.guidance`, `What ${id} looks for.`),
  weight,
  critical: false,
  evidence: 'none',
  mappings: [],
  recommendation: {
    text: text(`${id}.recommendation`, `Do ${id}.`),
    resources: [`https://example.org/${id}`],
  },
  ...more,
});

/** A small framework: three sections (50/30/20), a critical question, a user-content module. */
export const FRAMEWORK: IndustryFramework = {
  id: 'test-framework',
  version: 1,
  sections: [
    { id: 'gov', title: text('gov', 'Governance'), weight: 50 },
    { id: 'csam', title: text('csam', 'Illegal content'), weight: 30 },
    { id: 'edu', title: text('edu', 'Education'), weight: 20 },
  ],
  questions: [
    q('gov.1', 'gov', 3, { critical: true, evidence: 'document', mappings: ['itu:1', 'vp:9'] }),
    q('gov.2', 'gov', 1, { mappings: ['itu:1'] }),
    q('csam.1', 'csam', 2, { appliesIf: ['user-content', 'hosting'], mappings: ['itu:2', 'vp:1'] }),
    q('csam.2', 'csam', 2, { mappings: ['itu:2'] }),
    q('edu.1', 'edu', 1, { target: 2, mappings: ['itu:4'] }),
  ],
};
